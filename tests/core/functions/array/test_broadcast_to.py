import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('in_shape,out_shape', [
    ((3, 1, 5), (2, 3, 4, 5)),
    ((5,), (3, 5)),
    ((), (2, 3)),
    ((1,), (4,)),
    ((2, 1), (2, 0)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, in_shape, out_shape,
                          dtype):
    rng = numpy.random.RandomState(2)
    x = rng.uniform(-1, 1, in_shape).astype(dtype)

    def f(x):
        return functions.broadcast_to(x, out_shape)
    check_forward_and_grads(f, (x,), numpy.broadcast_to(x, out_shape), rng,
                            grad_tol16={'atol': 5e-2, 'rtol': 5e-2})


def test_gradient_is_sum():
    x = chainer.Variable(numpy.array([[1.], [2.]]))
    y = functions.broadcast_to(x, (3, 2, 4))
    y.grad = numpy.arange(24.).reshape(3, 2, 4)
    y.backward()
    expected = y.grad.sum(axis=(0, 2)).reshape(2, 1)
    testing.assert_allclose(x.grad, expected)


def test_same_shape_is_identity():
    x = numpy.ones((2, 3), numpy.float32)
    assert functions.broadcast_to(x, (2, 3)).array is x


@pytest.mark.parametrize('in_shape,out_shape', [
    ((3,), (2, 4)),
    ((2, 3), (3,)),
    ((2, 3), (4, 3, 3)),
])
def test_invalid(in_shape, out_shape):
    with pytest.raises(type_check.InvalidType):
        functions.broadcast_to(numpy.zeros(in_shape, numpy.float32),
                               out_shape)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 1)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.broadcast_to(x, (2, 3, 4))
    gpu_matches_cpu(f, inputs, rng)
