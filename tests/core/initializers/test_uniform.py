import numpy
import pytest

from chainer import initializers
from chainer.backends import cuda
from chainer.testing import attr


# (60, 40, 2): fan_in = 80, fan_out = 120.
SHAPE = (60, 40, 2)
FAN_IN, FAN_OUT = 80, 120


@pytest.mark.parametrize('init,bound', [
    (initializers.Uniform(), 0.05),
    (initializers.Uniform(scale=2.), 2.),
    (initializers.LeCunUniform(), numpy.sqrt(3. / FAN_IN)),
    (initializers.LeCunUniform(0.5), 0.5 * numpy.sqrt(3. / FAN_IN)),
    (initializers.GlorotUniform(), numpy.sqrt(6. / (FAN_IN + FAN_OUT))),
    (initializers.GlorotUniform(2.), 2 * numpy.sqrt(6. / 200)),
    (initializers.HeUniform(), numpy.sqrt(6. / FAN_IN)),
    (initializers.HeUniform(scale=0.1), 0.1 * numpy.sqrt(6. / FAN_IN)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_statistics(init, bound, dtype, sample):
    x = sample(init, SHAPE, dtype)
    tol = 1e-3 * bound if dtype == numpy.float16 else 0
    assert x.min() >= -bound - tol and x.max() <= bound + tol
    # The extremes of 4800 uniform samples are very close to the bounds.
    assert x.min() < -0.99 * bound and x.max() > 0.99 * bound
    numpy.testing.assert_allclose(x.std(), bound / numpy.sqrt(3),
                                  rtol=0.03)
    assert abs(x.mean()) < 4 * bound / numpy.sqrt(3 * x.size)


def test_reproducible_with_numpy_seed():
    a = numpy.empty((5, 2))
    numpy.random.seed(7)
    initializers.GlorotUniform()(a)
    numpy.random.seed(7)
    s = numpy.sqrt(6. / 7)
    numpy.testing.assert_allclose(a, numpy.random.uniform(-s, s, (5, 2)))


@pytest.mark.parametrize('cls', [initializers.Uniform,
                                 initializers.LeCunUniform,
                                 initializers.GlorotUniform,
                                 initializers.HeUniform])
def test_dtype_mismatch(cls, check_dtype_mismatch):
    check_dtype_mismatch(cls, numpy.float16, numpy.float32)


@pytest.mark.parametrize('cls', [initializers.LeCunUniform,
                                 initializers.GlorotUniform,
                                 initializers.HeUniform])
def test_fan_needs_2d(cls):
    with pytest.raises(ValueError):
        cls()(numpy.empty((4,)))


def test_defaults():
    assert initializers.Uniform().scale == 0.05
    for cls in (initializers.LeCunUniform, initializers.GlorotUniform,
                initializers.HeUniform):
        assert cls().scale == 1.0


@attr.gpu
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_gpu_bounds(dtype, sample):
    cuda.cupy.random.seed(0)
    x = sample(initializers.GlorotUniform(), SHAPE, dtype, cuda.cupy)
    bound = numpy.sqrt(6. / (FAN_IN + FAN_OUT))
    assert x.min() >= -bound * 1.001 and x.max() <= bound * 1.001
    numpy.testing.assert_allclose(x.std(), bound / numpy.sqrt(3),
                                  rtol=0.03)


# A convolution filter: fan_in = 3 * 2 * 5 = 30, fan_out = 4 * 2 * 5 = 40.
_CONV = (4, 3, 2, 5)


@pytest.mark.parametrize('init,bound', [
    (initializers.Uniform(0.3), 0.3),
    (initializers.LeCunUniform(2.), 2. * numpy.sqrt(3. / 30)),
    (initializers.GlorotUniform(), numpy.sqrt(6. / (30 + 40))),
    (initializers.HeUniform(0.5), 0.5 * numpy.sqrt(6. / 30)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_exact_v5_values_for_conv_filters(init, bound, dtype):
    # v5 draws numpy.random.uniform(-s, s, shape) in float64 and casts.
    rng = numpy.random.RandomState(8)
    expected = rng.uniform(-bound, bound, _CONV).astype(dtype)
    next_draw = rng.uniform()
    numpy.random.seed(8)
    a = numpy.empty(_CONV, dtype)
    init(a)
    numpy.testing.assert_array_equal(a, expected)
    assert numpy.random.uniform() == next_draw


@attr.gpu
def test_gpu_draws_float64_as_v5():
    cupy = cuda.cupy
    bound = numpy.sqrt(6. / 70)
    cupy.random.seed(3)
    expected = cupy.random.uniform(-bound, bound, _CONV)
    cupy.random.seed(3)
    a = cupy.empty(_CONV, numpy.float32)
    initializers.GlorotUniform()(a)
    numpy.testing.assert_array_equal(
        cuda.to_cpu(a), cuda.to_cpu(expected.astype(numpy.float32)))
