import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(), (3, 4)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward(shape, dtype):
    rng = numpy.random.RandomState(0)
    x0 = rng.uniform(-1, 1, shape).astype(dtype)
    x1 = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.squared_error(x0, x1)
    assert y.dtype == dtype and y.shape == shape
    d = x0.astype(numpy.float64) - x1
    testing.assert_allclose(d * d, y.array, rtol=1e-2)


def test_backward():
    rng = numpy.random.RandomState(1)
    x0, x1, gy, g0, g1 = (rng.uniform(-1, 1, (3, 2)) for _ in range(5))
    gradient_check.check_backward(functions.squared_error, (x0, x1), gy,
                                  dtype=numpy.float64)
    gradient_check.check_double_backward(
        functions.squared_error, (x0, x1), gy, (g0, g1),
        dtype=numpy.float64)


def test_dtype_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.squared_error(numpy.zeros(2, 'f'), numpy.zeros(2, 'd'))
