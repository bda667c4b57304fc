import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


@pytest.mark.parametrize('shape', [(2, 3, 4), (), (5,), (0, 2)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    rng = numpy.random.RandomState(20)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.flatten(x)
    assert y.shape == (x.size,)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, x.ravel(), atol=0, rtol=0)
    gy = rng.uniform(-1, 1, (x.size,)).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    gradient_check.check_backward(
        functions.flatten, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(
        functions.flatten, x, gy, ggx, dtype=numpy.float64)


def test_non_contiguous():
    x = numpy.arange(24.).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.flatten(x).array, x.ravel())
