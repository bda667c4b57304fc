import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _ref(theta, H, W):
    n = len(theta)
    grid = numpy.empty((n, 2, H, W))
    for k in range(n):
        for i in range(H):
            for j in range(W):
                xt = -1 + 2. * j / (W - 1) if W > 1 else -1.
                yt = -1 + 2. * i / (H - 1) if H > 1 else -1.
                grid[k, :, i, j] = theta[k].astype(float).dot([xt, yt, 1.])
    return grid


@pytest.mark.parametrize('output_shape', [(3, 4), (2, 2), (1, 3)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(output_shape, dtype):
    rng = numpy.random.RandomState(42)
    theta = rng.uniform(-1, 1, (2, 2, 3)).astype(dtype)
    y = functions.spatial_transformer_grid(theta, output_shape)
    assert y.shape == (2, 2) + output_shape
    assert y.dtype == dtype
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, _ref(theta, *output_shape), **tol)
    gy = rng.uniform(-1, 1, y.shape).astype(dtype)
    ggt = rng.uniform(-1, 1, theta.shape).astype(dtype)
    if dtype == numpy.float16:
        tol = {'atol': 5e-2, 'rtol': 5e-2}

    def f(theta):
        return functions.spatial_transformer_grid(theta, output_shape)
    gradient_check.check_backward(f, theta, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, theta, gy, ggt, dtype=numpy.float64, **tol)


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.spatial_transformer_grid(numpy.zeros((2, 3, 3), 'f'),
                                           (2, 2))


def test_use_cudnn_rejected():
    with pytest.raises(ValueError):
        functions.spatial_transformer_grid(
            numpy.zeros((1, 2, 3), 'f'), (2, 2), use_cudnn=False)
