import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _ref(x, pool_size, axis):
    axis %= x.ndim
    n = x.shape[axis] // pool_size
    parts = [numpy.take(x, range(k * pool_size, (k + 1) * pool_size),
                        axis=axis).max(axis=axis, keepdims=True)
             for k in range(n)]
    return numpy.concatenate(parts, axis=axis)


@pytest.mark.parametrize('shape,pool_size,axis', [
    ((2, 6), 3, 1), ((2, 6), 2, -1), ((4, 3, 2), 2, 0), ((2, 4, 3), 4, 1),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, pool_size, axis, dtype):
    rng = numpy.random.RandomState(8)
    # Distinct values far apart, so the argmax is stable under eps.
    x = rng.permutation(numpy.prod(shape)).reshape(shape).astype(dtype)
    x *= dtype(0.1)
    expected = _ref(x, pool_size, axis)
    y = functions.maxout(x, pool_size, axis)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}

    def f(x):
        return functions.maxout(x, pool_size, axis)
    gradient_check.check_backward(
        f, x, gy, dtype=numpy.float64, eps=1e-3, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_not_divisible():
    with pytest.raises(type_check.InvalidType):
        functions.maxout(numpy.zeros((2, 5), numpy.float32), 2)


def test_bad_pool_size():
    with pytest.raises(ValueError):
        functions.maxout(numpy.zeros((2, 4), numpy.float32), 0)


def test_bad_axis():
    with pytest.raises(type_check.InvalidType):
        functions.maxout(numpy.zeros((2, 4), numpy.float32), 2, axis=2)


def test_doctests(check_doctests):
    check_doctests('chainer.functions.activation.maxout')
