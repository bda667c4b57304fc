import numpy
import pytest

from chainer import initializers
from chainer.backends import cuda
from chainer.testing import attr


# (100, 50, 3): fan_in = 150, fan_out = 300.
SHAPE = (100, 50, 3)
FAN_IN, FAN_OUT = 150, 300


@pytest.mark.parametrize('init,std', [
    (initializers.Normal(), 0.05),
    (initializers.Normal(scale=0.3), 0.3),
    (initializers.LeCunNormal(), numpy.sqrt(1. / FAN_IN)),
    (initializers.LeCunNormal(scale=2.), 2 * numpy.sqrt(1. / FAN_IN)),
    (initializers.GlorotNormal(), numpy.sqrt(2. / (FAN_IN + FAN_OUT))),
    (initializers.GlorotNormal(0.5), 0.5 * numpy.sqrt(2. / 450)),
    (initializers.HeNormal(), numpy.sqrt(2. / FAN_IN)),
    (initializers.HeNormal(fan_option='fan_out'), numpy.sqrt(2. / FAN_OUT)),
    (initializers.HeNormal(scale=3.), 3 * numpy.sqrt(2. / FAN_IN)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_statistics(init, std, dtype, sample):
    x = sample(init, SHAPE, dtype)
    # 15000 samples: the sample std is within ~0.6% (1 sigma) of the truth.
    assert abs(x.mean()) < 4 * std / numpy.sqrt(x.size)
    numpy.testing.assert_allclose(x.std(), std, rtol=0.03)
    # Gaussian: about 68.3% of the samples lie within one std.
    assert abs((numpy.abs(x) < std).mean() - 0.6827) < 0.02


def test_reproducible_with_numpy_seed():
    a = numpy.empty((3, 4))
    b = numpy.empty((3, 4))
    numpy.random.seed(3)
    initializers.HeNormal()(a)
    numpy.random.seed(3)
    initializers.HeNormal()(b)
    numpy.testing.assert_array_equal(a, b)
    numpy.random.seed(3)
    expected = numpy.random.normal(0, numpy.sqrt(2. / 4), (3, 4))
    numpy.testing.assert_allclose(a, expected)


@pytest.mark.parametrize('cls', [initializers.Normal,
                                 initializers.LeCunNormal,
                                 initializers.GlorotNormal,
                                 initializers.HeNormal])
def test_dtype_attr_and_mismatch(cls, check_dtype_mismatch):
    check_dtype_mismatch(cls, numpy.float32, numpy.float64)


@pytest.mark.parametrize('cls', [initializers.LeCunNormal,
                                 initializers.GlorotNormal,
                                 initializers.HeNormal])
def test_fan_needs_2d(cls):
    with pytest.raises(ValueError):
        cls()(numpy.empty((3,)))


def test_normal_accepts_any_shape():
    a = numpy.empty((7,))
    initializers.Normal()(a)
    assert numpy.isfinite(a).all()


def test_he_normal_bad_fan_option():
    with pytest.raises(ValueError):
        initializers.HeNormal(fan_option='fan_avg')(numpy.empty((2, 3)))


def test_defaults():
    assert initializers.Normal().scale == 0.05
    assert initializers.LeCunNormal().scale == 1.0
    assert initializers.GlorotNormal().scale == 1.0
    he = initializers.HeNormal()
    assert he.scale == 1.0 and he.fan_option == 'fan_in'


@attr.gpu
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_gpu_statistics(dtype, sample):
    cuda.cupy.random.seed(0)
    x = sample(initializers.HeNormal(), SHAPE, dtype, cuda.cupy)
    numpy.testing.assert_allclose(x.std(), numpy.sqrt(2. / FAN_IN),
                                  rtol=0.03)


# A convolution filter: fan_in = 3 * 2 * 5 = 30, fan_out = 4 * 2 * 5 = 40.
_CONV = (4, 3, 2, 5)


@pytest.mark.parametrize('init,std', [
    (initializers.Normal(0.2), 0.2),
    (initializers.LeCunNormal(1.5), 1.5 * numpy.sqrt(1. / 30)),
    (initializers.GlorotNormal(), numpy.sqrt(2. / (30 + 40))),
    (initializers.HeNormal(), numpy.sqrt(2. / 30)),
    (initializers.HeNormal(fan_option='fan_out'), numpy.sqrt(2. / 40)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_exact_v5_values_for_conv_filters(init, std, dtype):
    # v5 draws numpy.random.normal(0, std, shape) in float64 and casts.
    rng = numpy.random.RandomState(21)
    expected = rng.normal(0.0, std, _CONV).astype(dtype)
    next_draw = rng.uniform()
    numpy.random.seed(21)
    a = numpy.empty(_CONV, dtype)
    init(a)
    numpy.testing.assert_array_equal(a, expected)
    assert numpy.random.uniform() == next_draw


@attr.gpu
@pytest.mark.parametrize('init,std,draw_dtype', [
    # Only a Normal that declares float32/float16 asks cuRAND for float32.
    (initializers.Normal(0.2, dtype=numpy.float32), 0.2, numpy.float32),
    (initializers.Normal(0.2), 0.2, numpy.float64),
    (initializers.LeCunNormal(dtype=numpy.float32), numpy.sqrt(1. / 30),
     numpy.float64),
])
def test_gpu_draw_dtype_as_v5(init, std, draw_dtype):
    cupy = cuda.cupy
    cupy.random.seed(3)
    expected = cupy.random.normal(0.0, std, _CONV, dtype=draw_dtype)
    cupy.random.seed(3)
    a = cupy.empty(_CONV, numpy.float32)
    init(a)
    numpy.testing.assert_array_equal(
        cuda.to_cpu(a), cuda.to_cpu(expected.astype(numpy.float32)))
