import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((3,), 0), ((3,), 1), ((3,), -1), ((3,), -2),
    ((2, 3), 1), ((2, 3), -3), ((), 0), ((), -1),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, dtype):
    rng = numpy.random.RandomState(4)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.expand_dims(x, axis)
    expected = numpy.expand_dims(x, axis)
    assert y.shape == expected.shape
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    assert numpy.shares_memory(y.array, x) or x.ndim == 0
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.expand_dims(x, axis)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64)


@pytest.mark.parametrize('axis', [3, -4])
def test_invalid_axis(axis):
    with pytest.raises(type_check.InvalidType):
        functions.expand_dims(numpy.zeros((2, 3), numpy.float32), axis)
