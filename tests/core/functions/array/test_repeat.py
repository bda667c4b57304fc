import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,repeats,axis', [
    ((3,), 2, None), ((2, 3), 2, None), ((2, 3), 3, 1), ((2, 3), (1, 2), 0),
    ((2, 3), (0, 2, 1), -1), ((), 3, None), ((2, 3), 0, 1),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, repeats, axis, dtype):
    rng = numpy.random.RandomState(31)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.repeat(x, repeats, axis)
    expected = numpy.repeat(x, repeats, axis)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {}

    def f(x):
        return functions.repeat(x, repeats, axis)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_bad_arguments():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(ValueError):
        functions.repeat(x, -1)
    with pytest.raises(TypeError):
        functions.repeat(x, 1.5)
    with pytest.raises(TypeError):
        functions.repeat(x, 2, axis=1.0)
    with pytest.raises(type_check.InvalidType):
        functions.repeat(x, 2, axis=2)
    with pytest.raises(type_check.InvalidType):
        functions.repeat(x, (1, 2), axis=1)


@attr.gpu
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (2, 3)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.repeat(x, (1, 2, 0), 1)
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
