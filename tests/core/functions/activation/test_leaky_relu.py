import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('slope', [0.2, 0.0, -0.5])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, slope, dtype):
    rng = numpy.random.RandomState(4)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    x[(-0.05 < x) & (x < 0.05)] = 0.5
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.leaky_relu(x, slope=slope)
    assert y.dtype == dtype
    expected = numpy.where(x >= 0, x.astype(float), slope * x)
    tol = {'atol': 1e-3, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)

    def f(x):
        return functions.leaky_relu(x, slope=slope)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_retains_output_for_nonnegative_slope():
    x = chainer.Variable(numpy.array([1., -1.], numpy.float32))
    y = functions.leaky_relu(x)
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.leaky_relu(numpy.arange(3))


@attr.gpu
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        return functions.leaky_relu(*xs)
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
