import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


def _x(shape, seed=0):
    n = numpy.prod(shape)
    rng = numpy.random.RandomState(seed)
    return rng.permutation(n).reshape(shape) * 0.1 - n * 0.05


@pytest.mark.parametrize('shape,ksize,stride,pad,cover_all', [
    ((7,), 2, None, 0, True),
    ((8,), 3, 2, 1, False),
    ((4, 5, 3), 2, None, 0, True),
    ((5, 4, 4), (3, 2, 2), (2, 1, 2), (1, 0, 1), True),
])
def test_max_pooling_nd(pool_ref, shape, ksize, stride, pad, cover_all):
    x = _x((2, 2) + shape)

    def f(x):
        return functions.max_pooling_nd(x, ksize, stride, pad, cover_all)
    y = f(x)
    testing.assert_allclose(
        pool_ref['max'](x, ksize, stride or ksize, pad, cover_all), y.array)
    rng = numpy.random.RandomState(1)
    gy = rng.uniform(-1, 1, y.shape)
    gradient_check.check_backward(f, x, gy)
    gradient_check.check_double_backward(f, x, gy,
                                         rng.uniform(-1, 1, x.shape))


def test_1d_3d(pool_ref):
    x1 = _x((2, 3, 9))
    testing.assert_allclose(pool_ref['max'](x1, 3, 3, 0, True),
                            functions.max_pooling_1d(x1, 3).array)
    x3 = _x((1, 2, 4, 4, 4))
    y, idx = functions.max_pooling_3d(x3, 2, return_indices=True)
    testing.assert_allclose(pool_ref['max'](x3, 2, 2, 0, True), y.array)
    assert idx.shape == y.shape and idx.max() < 8
    with pytest.raises(ValueError, match='should be 1'):
        functions.max_pooling_1d(x3, 2)
    with pytest.raises(ValueError, match='should be 3'):
        functions.max_pooling_3d(x1, 2)
