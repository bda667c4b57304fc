import numpy
import pytest

from chainer import functions
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
def test_forward_backward(check_forward_and_grads, output_shape, dtype):
    rng = numpy.random.RandomState(42)
    theta = rng.uniform(-1, 1, (2, 2, 3)).astype(dtype)

    def f(theta):
        return functions.spatial_transformer_grid(theta, output_shape)
    y = check_forward_and_grads(
        f, (theta,), _ref(theta, *output_shape), rng,
        {'atol': 1e-2, 'rtol': 1e-2}, {'atol': 5e-2, 'rtol': 5e-2})
    assert y.shape == (2, 2) + output_shape


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.spatial_transformer_grid(numpy.zeros((2, 3, 3), 'f'),
                                           (2, 2))


def test_use_cudnn_rejected():
    with pytest.raises(ValueError):
        functions.spatial_transformer_grid(
            numpy.zeros((1, 2, 3), 'f'), (2, 2), use_cudnn=False)
