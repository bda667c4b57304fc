import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    rng = numpy.random.RandomState(0)
    x1, x2, gy, gg1, gg2 = (rng.uniform(-1, 1, shape).astype(dtype)
                            for _ in range(5))
    y = functions.squared_difference(x1, x2)
    assert y.dtype == dtype and y.shape == shape
    tol = {'atol': 1e-3, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    expected = (x1.astype(numpy.float64) - x2) ** 2
    testing.assert_allclose(y.array, expected, **tol)
    gradient_check.check_backward(functions.squared_difference, (x1, x2),
                                  gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        functions.squared_difference, (x1, x2), gy, (gg1, gg2),
        dtype=numpy.float64, **tol)


def test_non_contiguous():
    x1 = numpy.arange(24, dtype=numpy.float32).reshape(4, 6)[:, ::2]
    x2 = numpy.ones((3, 4), numpy.float32).T
    testing.assert_allclose(functions.squared_difference(x1, x2).array,
                            (x1 - x2) ** 2)


def test_bad_inputs(bad_binary_inputs):
    with pytest.raises(type_check.InvalidType):
        functions.squared_difference(*bad_binary_inputs)
