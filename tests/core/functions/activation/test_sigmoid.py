import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


def _ref(x):
    x = numpy.asarray(x, numpy.float64)
    return 1 / (1 + numpy.exp(-x))


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-3, 3, shape).astype(dtype)
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.sigmoid(x)
    assert y.dtype == dtype
    assert isinstance(y.array, numpy.ndarray)
    tol = {'atol': 1e-3, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, _ref(x), **tol)
    gradient_check.check_backward(
        functions.sigmoid, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        functions.sigmoid, x, gy, ggx, dtype=numpy.float64, **tol)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_large_inputs_are_stable(dtype):
    x = numpy.array([-1e4, -100, 100, 1e4], dtype)
    with numpy.errstate(all='raise'):
        y = functions.sigmoid(x).array
    testing.assert_allclose(y, [0, 0, 1, 1], atol=1e-6, rtol=0)
    assert numpy.all(numpy.isfinite(y))


def test_retains_output_not_input():
    x = chainer.Variable(numpy.array([1., -1.], numpy.float32))
    y = functions.sigmoid(x)
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()


def test_non_contiguous():
    x = numpy.linspace(-3, 3, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.sigmoid(x).array, _ref(x))


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.sigmoid(numpy.arange(3))


@attr.gpu
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-3, 3, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        return functions.sigmoid(*xs)
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
