import numpy
import pytest

from chainer import functions
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
def test_forward_backward(check_forward_and_grads, in_hw, out_hw, dtype):
    rng = numpy.random.RandomState(33)
    x = rng.uniform(-1, 1, (2, 2) + in_hw).astype(dtype)

    def f(x):
        return functions.resize_images(x, out_hw)
    y = check_forward_and_grads(
        f, (x,), _ref(x.astype(numpy.float64), *out_hw), rng,
        {'atol': 5e-3, 'rtol': 5e-3}, {'atol': 5e-2, 'rtol': 5e-2})
    assert y.shape == (2, 2) + out_hw


def test_bad_ndim():
    with pytest.raises(type_check.InvalidType):
        functions.resize_images(numpy.zeros((2, 3, 4), 'f'), (2, 2))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (1, 2, 2, 3)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.resize_images(x, (3, 5))
    gpu_matches_cpu(f, inputs, rng)
