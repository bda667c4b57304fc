import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
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
def test_forward_backward(in_shape, out_shape, dtype):
    rng = numpy.random.RandomState(2)
    x = rng.uniform(-1, 1, in_shape).astype(dtype)
    y = functions.broadcast_to(x, out_shape)
    assert y.dtype == dtype
    testing.assert_allclose(
        y.array, numpy.broadcast_to(x, out_shape), atol=0, rtol=0)
    gy = rng.uniform(-1, 1, out_shape).astype(dtype)
    ggx = rng.uniform(-1, 1, in_shape).astype(dtype)
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {}

    def f(x):
        return functions.broadcast_to(x, out_shape)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


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
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 1)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.broadcast_to(x, (2, 3, 4))
    ys = f(*inputs)
    ys = ys if isinstance(ys, tuple) else (ys,)
    gpu_inputs = [cuda.to_gpu(x) for x in inputs]
    ys_gpu = f(*gpu_inputs)
    ys_gpu = ys_gpu if isinstance(ys_gpu, tuple) else (ys_gpu,)
    for y, y_gpu in zip(ys, ys_gpu):
        assert isinstance(y_gpu.array, cuda.ndarray)
        testing.assert_allclose(y.array, cuda.to_cpu(y_gpu.array),
                                atol=1e-5, rtol=1e-4)
    gys = [cuda.to_gpu(rng.uniform(-1, 1, y.shape).astype(y.dtype))
           for y in ys]
    gradient_check.check_backward(f, gpu_inputs, gys, dtype=numpy.float64,
                                  atol=1e-3, rtol=1e-3)
