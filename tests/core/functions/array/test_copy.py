import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr


@pytest.mark.parametrize('shape', [(3, 4), ()])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_cpu_to_cpu(shape, dtype):
    rng = numpy.random.RandomState(14)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.copy(x, -1)
    assert isinstance(y.array, numpy.ndarray)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, x, atol=0, rtol=0)
    # A real copy: changing it leaves the input alone.
    assert not numpy.shares_memory(y.array, x)
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.copy(x, -1)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64)


@attr.gpu
def test_cpu_gpu_round_trip():
    x = chainer.Variable(numpy.arange(6, dtype=numpy.float32).reshape(2, 3))
    y = functions.copy(x, 0)
    assert isinstance(y.array, cuda.ndarray)
    z = functions.copy(y, -1)
    assert isinstance(z.array, numpy.ndarray)
    testing.assert_allclose(z.array, x.array)
    z.grad = numpy.ones((2, 3), numpy.float32)
    z.backward()
    assert isinstance(x.grad, numpy.ndarray)
    testing.assert_allclose(x.grad, numpy.ones((2, 3)))
