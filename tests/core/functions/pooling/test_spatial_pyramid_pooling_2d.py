import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.functions.pooling import max_pooling_2d


@pytest.mark.parametrize('h,w', [(8, 8), (7, 6), (11, 6)])
def test_spp(h, w):
    rng = numpy.random.RandomState(0)
    shape = (2, 3, h, w)
    x = rng.permutation(numpy.prod(shape)).reshape(shape) * 0.1
    y = functions.spatial_pyramid_pooling_2d(x, 3, pooling='max')
    assert y.shape == (2, 3 * (1 + 4 + 16), 1, 1)
    # Level 0 is the global max; levels are stacked in order.
    testing.assert_allclose(y.array[:, :3, 0, 0], x.max(axis=(2, 3)))
    lvl1 = y.array[:, 3:15, 0, 0].reshape(2, 3, 2, 2)
    testing.assert_allclose(lvl1.max(axis=(2, 3)), x.max(axis=(2, 3)))
    gy = rng.uniform(-1, 1, y.shape)
    gradient_check.check_backward(
        lambda x: functions.spatial_pyramid_pooling_2d(x, 3, pooling='max'),
        x, gy)


def test_pooling_class_deprecated():
    x = numpy.ones((1, 1, 4, 4), numpy.float32)
    with pytest.warns(DeprecationWarning):
        y = functions.spatial_pyramid_pooling_2d(
            x, 2, pooling_class=max_pooling_2d.MaxPooling2D)
    assert y.shape == (1, 5, 1, 1)


def test_bad_arguments():
    x = numpy.ones((1, 1, 4, 4), numpy.float32)
    with pytest.raises(ValueError):
        functions.spatial_pyramid_pooling_2d(x, 2)
    with pytest.raises(ValueError):
        functions.spatial_pyramid_pooling_2d(x, 2, pooling='avg')
