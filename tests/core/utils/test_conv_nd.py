import itertools

import numpy
import pytest

from chainer.utils import conv
from chainer.utils import conv_nd


def _naive_im2col(img, ksize, stride, pad, pval, cover_all, dilate):
    nd = img.ndim - 2
    outs = [conv.get_conv_outsize(s, k, st, p, cover_all, d)
            for s, k, st, p, d in zip(img.shape[2:], ksize, stride, pad,
                                      dilate)]
    col = numpy.full(img.shape[:2] + tuple(ksize) + tuple(outs), pval,
                     img.dtype)
    for off in itertools.product(*[range(k) for k in ksize]):
        for o in itertools.product(*[range(n) for n in outs]):
            pos = tuple(oi * st + i * d - p for oi, st, i, d, p in zip(
                o, stride, off, dilate, pad))
            if all(0 <= q < s for q, s in zip(pos, img.shape[2:])):
                col[(Ellipsis,) + off + o] = img[(Ellipsis,) + pos]
    assert nd == len(ksize)
    return col


@pytest.mark.parametrize('shape,ksize,stride,pad,cover_all,dilate', [
    ((7,), (3,), (2,), (1,), False, (1,)),
    ((6,), (2,), (3,), (0,), True, (2,)),
    ((4, 5, 3), (2, 3, 2), (1, 2, 1), (1, 0, 1), False, (1, 1, 2)),
    ((5, 4, 4), (3, 2, 2), (2, 2, 3), (0, 1, 0), True, (1, 2, 1)),
])
def test_im2col_col2im_nd(shape, ksize, stride, pad, cover_all, dilate):
    rng = numpy.random.RandomState(0)
    img = rng.randn(2, 3, *shape)
    col = conv_nd.im2col_nd_cpu(img, ksize, stride, pad, pval=0.5,
                                cover_all=cover_all, dilate=dilate)
    numpy.testing.assert_array_equal(
        col, _naive_im2col(img, ksize, stride, pad, 0.5, cover_all, dilate))
    # col2im is the adjoint of im2col (with zero padding).
    col0 = conv_nd.im2col_nd_cpu(img, ksize, stride, pad,
                                 cover_all=cover_all, dilate=dilate)
    g = rng.randn(*col0.shape)
    back = conv_nd.col2im_nd_cpu(g, stride, pad, shape, dilate)
    assert back.shape == img.shape
    numpy.testing.assert_allclose((col0 * g).sum(), (img * back).sum())


def test_as_tuple():
    assert conv_nd.as_tuple(3, 2) == (3, 3)
    assert conv_nd.as_tuple((1, 2), 2) == (1, 2)
    with pytest.raises(AssertionError):
        conv_nd.as_tuple((1, 2), 3)


def test_window_view_shares_memory_without_padding():
    img = numpy.zeros((2, 3, 5, 5))
    view = conv_nd.window_view(img, (2, 2), (1, 1), (0, 0))
    assert view.shape == (3, 2, 2, 2, 4, 4)
    assert numpy.shares_memory(view, img)
