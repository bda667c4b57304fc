import math

import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _ref(x, grid):
    # Point-by-point bilinear sampling with zeros outside the image.
    n, c, H, W = x.shape
    _, _, oh, ow = grid.shape
    y = numpy.zeros((n, c, oh, ow))

    def pixel(k, r, q):
        if 0 <= r < H and 0 <= q < W:
            return x[k, :, r, q].astype(numpy.float64)
        return numpy.zeros(c)
    for k in range(n):
        for i in range(oh):
            for j in range(ow):
                u = (grid[k, 0, i, j] + 1) * (W - 1) / 2.
                v = (grid[k, 1, i, j] + 1) * (H - 1) / 2.
                u0, v0 = math.floor(u), math.floor(v)
                du, dv = u - u0, v - v0
                y[k, :, i, j] = (
                    (1 - du) * (1 - dv) * pixel(k, v0, u0) +
                    du * (1 - dv) * pixel(k, v0, u0 + 1) +
                    (1 - du) * dv * pixel(k, v0 + 1, u0) +
                    du * dv * pixel(k, v0 + 1, u0 + 1))
    return y


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(dtype):
    rng = numpy.random.RandomState(43)
    x = rng.uniform(-1, 1, (2, 3, 4, 5)).astype(dtype)
    # Points inside, near and beyond the border; none on a pixel line, where
    # the sampler is not differentiable.
    grid = rng.uniform(-1.6, 1.6, (2, 2, 3, 2)).astype(dtype)
    for axis, size in ((0, 5), (1, 4)):
        pix = (grid[:, axis].astype(float) + 1) * (size - 1) / 2.
        frac = pix - numpy.floor(pix)
        grid[:, axis][(frac < 0.05) | (frac > 0.95)] += dtype(0.2)
    y = functions.spatial_transformer_sampler(x, grid)
    assert y.shape == (2, 3, 3, 2)
    assert y.dtype == dtype
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, _ref(x, grid.astype(float)), **tol)
    gy = rng.uniform(-1, 1, y.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, x.shape).astype(dtype)
    ggg = rng.uniform(-1, 1, grid.shape).astype(dtype)
    if dtype == numpy.float16:
        tol = {'atol': 1e-1, 'rtol': 1e-1}
    gradient_check.check_backward(
        functions.spatial_transformer_sampler, (x, grid), gy,
        dtype=numpy.float64, eps=1e-3, **tol)
    gradient_check.check_double_backward(
        functions.spatial_transformer_sampler, (x, grid), gy, (ggx, ggg),
        dtype=numpy.float64, eps=1e-3, **tol)


def test_identity_grid_reproduces_image():
    x = numpy.arange(12, dtype=numpy.float64).reshape(1, 1, 3, 4)
    theta = numpy.array([[[1., 0, 0], [0, 1., 0]]])
    grid = functions.spatial_transformer_grid(theta, (3, 4))
    y = functions.spatial_transformer_sampler(x, grid)
    testing.assert_allclose(y.array, x)


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.spatial_transformer_sampler(
            numpy.zeros((1, 1, 3, 3), 'f'), numpy.zeros((1, 3, 2, 2), 'f'))
