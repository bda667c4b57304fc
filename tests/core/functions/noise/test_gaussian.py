import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_with_eps(dtype):
    rng = numpy.random.RandomState(0)
    m = rng.uniform(-1, 1, (3, 2)).astype(dtype)
    v = rng.uniform(-1, 1, (3, 2)).astype(dtype)
    eps = rng.standard_normal((3, 2)).astype(dtype)
    y = functions.gaussian(m, v, eps=eps)
    assert y.dtype == dtype
    expected = m + numpy.exp(v.astype(numpy.float64) / 2) * eps
    testing.assert_allclose(expected, y.array, rtol=1e-2 if dtype ==
                            numpy.float16 else 1e-6)


def test_statistics_and_return_eps():
    numpy.random.seed(0)
    m = numpy.full(20000, 1.5, numpy.float32)
    v = numpy.full(20000, numpy.log(4.), numpy.float32)
    y, eps = functions.gaussian(m, v, return_eps=True)
    assert eps.shape == m.shape and eps.dtype == m.dtype
    testing.assert_allclose(y.array, m + 2 * eps, rtol=1e-5)
    assert abs(y.array.mean() - 1.5) < 0.05
    assert abs(y.array.std() - 2.0) < 0.05


def test_backward():
    rng = numpy.random.RandomState(1)
    m, v, gy, g1, g2 = (rng.uniform(-1, 1, (3, 2)) for _ in range(5))
    eps = rng.standard_normal((3, 2))

    def f(m, v):
        return functions.gaussian(m, v, eps=eps)
    gradient_check.check_backward(f, (m, v), gy, dtype=numpy.float64)
    gradient_check.check_double_backward(f, (m, v), gy, (g1, g2),
                                         dtype=numpy.float64)


def test_errors():
    x = numpy.zeros(3, numpy.float32)
    with pytest.raises(ValueError):
        functions.gaussian(x, x, eps=numpy.zeros(4, numpy.float32))
    with pytest.raises(TypeError):
        functions.gaussian(x, x, foo=1)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_exact_v5_noise_on_cpu(dtype):
    # v5: eps = numpy.random.standard_normal(shape) cast to the dtype.
    rng = numpy.random.RandomState(4)
    m = rng.uniform(-1, 1, (3, 5)).astype(dtype)
    v = rng.uniform(-1, 1, (3, 5)).astype(dtype)
    ref = numpy.random.RandomState(40)
    expected_eps = ref.standard_normal((3, 5)).astype(dtype)
    next_draw = ref.rand()
    numpy.random.seed(40)
    y, eps = functions.gaussian(m, v, return_eps=True)
    numpy.testing.assert_array_equal(eps, expected_eps)
    numpy.testing.assert_array_equal(
        y.array, m + numpy.exp(v * dtype(0.5)) * expected_eps)
    assert numpy.random.rand() == next_draw
