import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('x_shape,beta_shape', [
    ((4, 3), (3,)), ((2, 3, 4), (3,)), ((2, 3, 4), (3, 4)), ((2, 3), ()),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, x_shape, beta_shape,
                          dtype):
    rng = numpy.random.RandomState(10)
    x = rng.uniform(-1, 1, x_shape).astype(dtype)
    beta = rng.uniform(-1, 1, beta_shape).astype(dtype)
    b = beta.reshape((1,) + beta_shape +
                     (1,) * (len(x_shape) - len(beta_shape) - 1))
    x64 = x.astype(numpy.float64)
    expected = x64 / (1 + numpy.exp(-b * x64))
    check_forward_and_grads(functions.swish, (x, beta), expected, rng,
                            {'atol': 1e-2, 'rtol': 1e-2})


def test_beta_zero_is_half():
    x = numpy.array([[-2., 1., 4.]], numpy.float32)
    y = functions.swish(x, numpy.zeros(3, numpy.float32))
    testing.assert_allclose(y.array, x / 2)


@pytest.mark.parametrize('x_shape,beta_shape', [
    ((4, 3), (4,)), ((3,), (3,)),
])
def test_bad_shapes(x_shape, beta_shape):
    with pytest.raises(type_check.InvalidType):
        functions.swish(numpy.zeros(x_shape, numpy.float32),
                        numpy.zeros(beta_shape, numpy.float32))
