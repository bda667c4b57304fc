import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape,ksize,stride,pad,cover_all,dilate,groups', [
    ((7,), (3,), 1, 0, False, 1, 1),
    ((8,), (2,), 3, 1, True, 2, 2),
    ((4, 5, 3), (2, 3, 2), 1, 1, False, 1, 1),
    ((5, 4, 4), (3, 2, 2), (2, 1, 2), (0, 1, 1), True, (1, 2, 1), 2),
    ((5, 6), (3, 3), 2, 1, False, 1, 1),
])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_convolution_nd(ref_conv, check_grads, shape, ksize, stride, pad,
                        cover_all, dilate, groups, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 4) + shape).astype(dtype)
    W = rng.uniform(-1, 1, (2, 4 // groups) + ksize).astype(dtype)
    b = rng.uniform(-1, 1, 2).astype(dtype)

    def f(x, W, b):
        return functions.convolution_nd(x, W, b, stride, pad, cover_all,
                                        dilate, groups)
    y = f(x, W, b)
    assert y.dtype == dtype
    testing.assert_allclose(
        ref_conv(x, W, b, stride, pad, cover_all, dilate, groups), y.array,
        atol=1e-5, rtol=1e-4)
    if dtype == numpy.float64:
        check_grads(f, (x, W, b), rng)


def test_convolution_1d_3d(ref_conv):
    rng = numpy.random.RandomState(1)
    x1, W1 = rng.randn(2, 3, 9), rng.randn(4, 3, 3)
    testing.assert_allclose(ref_conv(x1, W1, stride=2),
                            functions.convolution_1d(x1, W1, stride=2).array)
    x3, W3 = rng.randn(1, 2, 4, 4, 4), rng.randn(3, 2, 2, 2, 2)
    testing.assert_allclose(ref_conv(x3, W3, pad=1),
                            functions.convolution_3d(x3, W3, pad=1).array)
    with pytest.raises(ValueError, match='should be 1'):
        functions.convolution_1d(x3, W3)
    with pytest.raises(ValueError, match='should be 3'):
        functions.convolution_3d(x1, W1)


def test_dims_mismatch():
    x = numpy.zeros((1, 2, 4, 4, 4), numpy.float32)
    W = numpy.zeros((3, 2, 2, 2), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.convolution_nd(x, W)


def test_bad_tuple_length():
    x = numpy.zeros((1, 2, 4, 4, 4), numpy.float32)
    W = numpy.zeros((3, 2, 2, 2, 2), numpy.float32)
    with pytest.raises(ValueError, match='stride'):
        functions.convolution_nd(x, W, stride=(1, 2))
