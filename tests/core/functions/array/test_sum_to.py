import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
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
def test_forward_backward(in_shape, out_shape, dtype):
    rng = numpy.random.RandomState(3)
    x = rng.uniform(-1, 1, in_shape).astype(dtype)
    y = functions.sum_to(x, out_shape)
    # Reference: the adjoint of broadcasting, by explicit summation.
    x64 = x.astype(numpy.float64)
    lead = x.ndim - len(out_shape)
    expected = x64.sum(axis=tuple(range(lead))) if lead else x64
    for i, s in enumerate(out_shape):
        if s == 1:
            expected = expected.sum(axis=i, keepdims=True)
    assert y.shape == out_shape
    assert y.dtype == dtype
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, out_shape).astype(dtype)
    ggx = rng.uniform(-1, 1, in_shape).astype(dtype)

    def f(x):
        return functions.sum_to(x, out_shape)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


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
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (2, 3, 4)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.sum_to(x, (3, 1))
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
