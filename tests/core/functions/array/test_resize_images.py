import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


def _ref(x, out_h, out_w):
    # Per-pixel bilinear interpolation with aligned corners.
    n, c, h, w = x.shape
    y = numpy.zeros((n, c, out_h, out_w))
    for i in range(out_h):
        v = i * (h - 1) / (out_h - 1) if out_h > 1 else 0.
        for j in range(out_w):
            u = j * (w - 1) / (out_w - 1) if out_w > 1 else 0.
            v0, u0 = min(int(v), max(h - 2, 0)), min(int(u), max(w - 2, 0))
            v1, u1 = min(v0 + 1, h - 1), min(u0 + 1, w - 1)
            dv, du = v - v0, u - u0
            y[:, :, i, j] = ((1 - dv) * (1 - du) * x[:, :, v0, u0] +
                             (1 - dv) * du * x[:, :, v0, u1] +
                             dv * (1 - du) * x[:, :, v1, u0] +
                             dv * du * x[:, :, v1, u1])
    return y


@pytest.mark.parametrize('in_hw,out_hw', [
    ((3, 4), (5, 7)), ((4, 5), (2, 3)), ((3, 3), (3, 3)), ((1, 3), (2, 5)),
    ((3, 2), (1, 1)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(in_hw, out_hw, dtype):
    rng = numpy.random.RandomState(33)
    x = rng.uniform(-1, 1, (2, 2) + in_hw).astype(dtype)
    y = functions.resize_images(x, out_hw)
    assert y.shape == (2, 2) + out_hw
    assert y.dtype == dtype
    tol = {'atol': 5e-3, 'rtol': 5e-3} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, _ref(x.astype(numpy.float64), *out_hw),
                            **tol)
    gy = rng.uniform(-1, 1, y.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, x.shape).astype(dtype)
    if dtype == numpy.float16:
        tol = {'atol': 5e-2, 'rtol': 5e-2}

    def f(x):
        return functions.resize_images(x, out_hw)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_bad_ndim():
    with pytest.raises(type_check.InvalidType):
        functions.resize_images(numpy.zeros((2, 3, 4), 'f'), (2, 2))


@attr.gpu
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (1, 2, 2, 3)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.resize_images(x, (3, 5))
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
