import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('axis,start', [
    (0, 0), (2, 0), (0, 2), (0, 3), (-1, 0), (1, -1), (2, 1), (-3, -2),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(axis, start, dtype):
    rng = numpy.random.RandomState(34)
    x = rng.uniform(-1, 1, (2, 3, 4)).astype(dtype)
    y = functions.rollaxis(x, axis, start)
    expected = numpy.rollaxis(x, axis, start)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, x.shape).astype(dtype)

    def f(x):
        return functions.rollaxis(x, axis, start)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64)


@pytest.mark.parametrize('axis,start', [(3, 0), (-4, 0), (0, 4), (0, -4)])
def test_invalid(axis, start):
    with pytest.raises(type_check.InvalidType):
        functions.rollaxis(numpy.zeros((2, 3, 4), 'f'), axis, start)
