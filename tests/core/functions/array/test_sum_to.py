import numpy
import pytest

import chainer
from chainer import functions
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('in_shape,out_shape', [
    ((2, 3, 4), (3, 1)),
    ((2, 3, 4), (1, 3, 4)),
    ((2, 3), ()),
    ((2, 3), (2, 1)),
    ((4,), (1,)),
    ((0, 3), (3,)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, in_shape, out_shape,
                          dtype):
    rng = numpy.random.RandomState(3)
    x = rng.uniform(-1, 1, in_shape).astype(dtype)

    def f(x):
        return functions.sum_to(x, out_shape)
    # Reference: the adjoint of broadcasting, by explicit summation.
    x64 = x.astype(numpy.float64)
    lead = x.ndim - len(out_shape)
    expected = x64.sum(axis=tuple(range(lead))) if lead else x64
    for i, s in enumerate(out_shape):
        if s == 1:
            expected = expected.sum(axis=i, keepdims=True)
    tol = {'atol': 1e-2, 'rtol': 1e-2}
    y = check_forward_and_grads(f, (x,), expected, rng, tol, tol)
    assert y.shape == out_shape


def test_same_shape_is_identity():
    x = numpy.ones((2, 3), numpy.float32)
    y = functions.sum_to(x, (2, 3))
    assert isinstance(y, chainer.Variable)
    assert y.array is x


@pytest.mark.parametrize('in_shape,out_shape', [
    ((2, 3), (4,)),
    ((3,), (2, 3)),
    ((2, 3), (2, 2)),
])
def test_invalid(in_shape, out_shape):
    with pytest.raises(type_check.InvalidType):
        functions.sum_to(numpy.zeros(in_shape, numpy.float32), out_shape)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (2, 3, 4)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.sum_to(x, (3, 1))
    gpu_matches_cpu(f, inputs, rng)
