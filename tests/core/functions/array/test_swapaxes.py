import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('axis1,axis2', [(0, 1), (0, 2), (-1, 0), (1, 1)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(axis1, axis2, dtype):
    rng = numpy.random.RandomState(35)
    x = rng.uniform(-1, 1, (2, 3, 4)).astype(dtype)
    y = functions.swapaxes(x, axis1, axis2)
    expected = numpy.swapaxes(x, axis1, axis2)
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, x.shape).astype(dtype)

    def f(x):
        return functions.swapaxes(x, axis1, axis2)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64)


@pytest.mark.parametrize('axis1,axis2', [(0, 3), (-4, 0)])
def test_invalid(axis1, axis2):
    with pytest.raises(type_check.InvalidType):
        functions.swapaxes(numpy.zeros((2, 3, 4), 'f'), axis1, axis2)
