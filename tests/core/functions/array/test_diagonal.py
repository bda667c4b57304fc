import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape,offset,axis1,axis2', [
    ((3, 3), 0, 0, 1), ((3, 4), 1, 0, 1), ((4, 3), -2, 0, 1),
    ((2, 3, 4), 0, 1, 2), ((2, 3, 4), 1, 2, 0), ((3, 2, 3), -1, -1, 0),
    ((2, 2), 3, 0, 1),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, offset, axis1, axis2, dtype):
    rng = numpy.random.RandomState(37)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.diagonal(x, offset, axis1, axis2)
    expected = numpy.diagonal(x, offset, axis1, axis2)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.diagonal(x, offset, axis1, axis2)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64)


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.diagonal(numpy.zeros(3, 'f'))
    with pytest.raises(type_check.InvalidType):
        functions.diagonal(numpy.zeros((2, 3), 'f'), 0, 0, 2)
    with pytest.raises(ValueError):
        functions.diagonal(numpy.zeros((2, 3), 'f'), 0, 1, -1)
