import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,pad_width,mode,kw', [
    ((2, 3), 1, 'constant', {}),
    ((2, 3), ((1, 2), (0, 1)), 'constant', {'constant_values': 3.5}),
    ((3,), (2,), 'constant', {}),
    ((2, 3), ((1, 2), (2, 1)), 'edge', {}),
    ((3, 4), 2, 'reflect', {}),
    ((3, 4), ((1, 0), (3, 2)), 'symmetric', {}),
    ((3, 4), 2, 'wrap', {}),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, pad_width, mode, kw, dtype):
    rng = numpy.random.RandomState(28)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.pad(x, pad_width, mode, **kw)
    expected = numpy.pad(x, pad_width, mode=mode, **kw)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {}

    def f(x):
        return functions.pad(x, pad_width, mode, **kw)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_edge_gradient_accumulates():
    x = chainer.Variable(numpy.array([1., 2.]))
    y = functions.pad(x, 2, 'edge')
    y.grad = numpy.ones(6)
    y.backward()
    testing.assert_allclose(x.grad, [3, 3])


def test_unsupported_mode():
    with pytest.raises(ValueError):
        functions.pad(numpy.zeros(3, numpy.float32), 1, 'mean')


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.pad(numpy.arange(3), 1, 'constant')


@attr.gpu
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (2, 3)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.pad(x, 1, 'edge')
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
