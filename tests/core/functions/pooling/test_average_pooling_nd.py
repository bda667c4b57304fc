import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


@pytest.mark.parametrize('shape,ksize,stride,pad', [
    ((7,), 2, None, 0),
    ((8,), 3, 2, 1),
    ((4, 5, 3), 2, None, 0),
    ((5, 4, 4), (3, 2, 2), (2, 1, 2), (1, 0, 1)),
])
@pytest.mark.parametrize('pad_value', [0, None])
def test_average_pooling_nd(pool_ref, shape, ksize, stride, pad, pad_value):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 2) + shape)

    def f(x):
        return functions.average_pooling_nd(x, ksize, stride, pad,
                                            pad_value=pad_value)
    y = f(x)
    testing.assert_allclose(
        pool_ref['avg'](x, ksize, stride or ksize, pad, pad_value), y.array)
    gy = rng.uniform(-1, 1, y.shape)
    gradient_check.check_backward(f, x, gy)
    gradient_check.check_double_backward(f, x, gy,
                                         rng.uniform(-1, 1, x.shape))


def test_1d_3d(pool_ref):
    rng = numpy.random.RandomState(1)
    x1 = rng.randn(2, 3, 9)
    testing.assert_allclose(pool_ref['avg'](x1, 3, 3, 0),
                            functions.average_pooling_1d(x1, 3).array)
    x3 = rng.randn(1, 2, 4, 4, 4)
    testing.assert_allclose(pool_ref['avg'](x3, 2, 1, 1, None),
                            functions.average_pooling_3d(
                                x3, 2, 1, 1, pad_value=None).array)
    with pytest.raises(ValueError):
        functions.average_pooling_nd(x3, 2, pad_value=1)
