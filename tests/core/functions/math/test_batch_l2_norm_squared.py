import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (2, 3, 2), (0, 3), (4, 1)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.batch_l2_norm_squared(x)
    expected = (x.astype(numpy.float64) ** 2).reshape(shape[0], -1).sum(1) \
        if shape[0] else numpy.zeros(0)
    assert y.dtype == dtype and y.shape == (shape[0],)
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, (shape[0],)).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    gradient_check.check_backward(functions.batch_l2_norm_squared, x, gy,
                                  dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        functions.batch_l2_norm_squared, x, gy, ggx, dtype=numpy.float64,
        **tol)


def test_non_contiguous():
    x = numpy.arange(24, dtype=numpy.float32).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.batch_l2_norm_squared(x).array,
                            (x ** 2).sum(1))


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.batch_l2_norm_squared(numpy.ones(3, 'f'))
    with pytest.raises(type_check.InvalidType):
        functions.batch_l2_norm_squared(numpy.ones((3, 2), 'i'))
