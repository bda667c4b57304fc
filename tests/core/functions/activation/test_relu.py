import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


def _inputs(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    # Keep away from the kink at 0, where the numerical gradient is wrong.
    x[(-0.1 < x) & (x < 0.1)] = 0.5
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    return x, gy, ggx


@pytest.mark.parametrize('shape', [(3, 4), (), (5,), (0, 3)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    x, gy, ggx = _inputs(shape, dtype)
    y = functions.relu(x)
    assert y.dtype == dtype
    assert isinstance(y.array, numpy.ndarray)
    expected = numpy.where(x > 0, x, 0)
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    tol = {'atol': 1e-3, 'rtol': 1e-3} if dtype == numpy.float16 else {}
    gradient_check.check_backward(
        functions.relu, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        functions.relu, x, gy, ggx, dtype=numpy.float64, **tol)


def test_gradient_values():
    x = chainer.Variable(numpy.array([-1., 2., -3., 4.], numpy.float32))
    y = functions.relu(x)
    y.grad = numpy.array([1., 2., 3., 4.], numpy.float32)
    y.backward()
    testing.assert_allclose(x.grad, [0, 2, 0, 4])


def test_non_contiguous():
    x, _, _ = _inputs((4, 6), numpy.float32)
    x = x[:, ::2]
    testing.assert_allclose(functions.relu(x).array, numpy.maximum(x, 0))


def test_retains_output_not_input():
    x = chainer.Variable(numpy.array([1., -1.], numpy.float32))
    y = functions.relu(x)
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.relu(numpy.arange(3))


@attr.gpu
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        return functions.relu(*xs)
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
