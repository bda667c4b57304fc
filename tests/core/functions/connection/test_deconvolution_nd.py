import numpy
import pytest

from chainer import functions
from chainer import testing


@pytest.mark.parametrize('shape,ksize,stride,pad,outsize,dilate,groups', [
    ((4,), (3,), 1, 0, None, 1, 1),
    ((4,), (2,), 3, 1, (10,), 2, 2),
    ((3, 2, 3), (2, 3, 2), 2, 1, None, 1, 1),
    ((3, 3, 2), (3, 2, 2), (2, 1, 2), (0, 1, 1), (8, 2, 3), 1, 2),
])
def test_deconvolution_nd(ref_deconv, check_grads, shape, ksize, stride, pad,
                          outsize, dilate, groups):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 4) + shape)
    W = rng.uniform(-1, 1, (4, 6 // groups) + ksize)
    b = rng.uniform(-1, 1, 6)

    def f(x, W, b):
        return functions.deconvolution_nd(x, W, b, stride, pad, outsize,
                                          dilate, groups)
    y = f(x, W, b)
    testing.assert_allclose(
        ref_deconv(x, W, b, stride, pad, outsize, dilate, groups), y.array)
    check_grads(f, (x, W, b), rng)


def test_deconvolution_1d_3d(ref_deconv):
    rng = numpy.random.RandomState(1)
    x1, W1 = rng.randn(2, 3, 5), rng.randn(3, 4, 3)
    testing.assert_allclose(
        ref_deconv(x1, W1, stride=2),
        functions.deconvolution_1d(x1, W1, stride=2).array)
    x3, W3 = rng.randn(1, 2, 3, 3, 3), rng.randn(2, 3, 2, 2, 2)
    testing.assert_allclose(
        ref_deconv(x3, W3, pad=1),
        functions.deconvolution_3d(x3, W3, pad=1).array)
    with pytest.raises(ValueError, match='should be 3'):
        functions.deconvolution_3d(x1, W1)
