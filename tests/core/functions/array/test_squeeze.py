import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((1, 3, 1, 4), None),
    ((1, 3, 1, 4), 0),
    ((1, 3, 1, 4), -2),
    ((1, 3, 1, 4), (0, 2)),
    ((1, 1), None),
    ((), None),
    ((2, 3), None),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, dtype):
    rng = numpy.random.RandomState(5)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.squeeze(x, axis)
    expected = numpy.squeeze(x, axis)
    assert y.shape == expected.shape
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.squeeze(x, axis)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64)


@pytest.mark.parametrize('axis', [1, 4, -5, (0, 1)])
def test_invalid_axis(axis):
    with pytest.raises(type_check.InvalidType):
        functions.squeeze(numpy.zeros((1, 3, 1, 4), numpy.float32), axis)


@pytest.mark.parametrize('axis', [1.0, [0], 'a'])
def test_axis_type(axis):
    with pytest.raises(TypeError):
        functions.squeeze(numpy.zeros((1, 3), numpy.float32), axis)
