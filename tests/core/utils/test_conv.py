import numpy
import pytest

from chainer.utils import conv


def _naive_im2col(img, kh, kw, sy, sx, ph, pw, pval, cover_all, dy, dx):
    n, c, h, w = img.shape
    oh = conv.get_conv_outsize(h, kh, sy, ph, cover_all, dy)
    ow = conv.get_conv_outsize(w, kw, sx, pw, cover_all, dx)
    col = numpy.full((n, c, kh, kw, oh, ow), pval, img.dtype)
    for i in range(kh):
        for j in range(kw):
            for y in range(oh):
                for x in range(ow):
                    r = y * sy + i * dy - ph
                    q = x * sx + j * dx - pw
                    if 0 <= r < h and 0 <= q < w:
                        col[:, :, i, j, y, x] = img[:, :, r, q]
    return col


def _naive_col2im(col, sy, sx, ph, pw, h, w, dy, dx):
    n, c, kh, kw, oh, ow = col.shape
    img = numpy.zeros((n, c, h, w), col.dtype)
    for i in range(kh):
        for j in range(kw):
            for y in range(oh):
                for x in range(ow):
                    r = y * sy + i * dy - ph
                    q = x * sx + j * dx - pw
                    if 0 <= r < h and 0 <= q < w:
                        img[:, :, r, q] += col[:, :, i, j, y, x]
    return img


@pytest.mark.parametrize('params', [
    # kh, kw, sy, sx, ph, pw, cover_all, dy, dx
    (3, 3, 1, 1, 1, 1, False, 1, 1),
    (2, 3, 2, 1, 0, 1, True, 1, 1),
    (3, 2, 2, 3, 1, 0, True, 2, 1),
    (1, 1, 1, 1, 0, 0, False, 1, 1),
    (2, 2, 3, 3, 2, 1, False, 2, 3),
])
def test_im2col_col2im(params):
    kh, kw, sy, sx, ph, pw, cover_all, dy, dx = params
    rng = numpy.random.RandomState(0)
    img = rng.randn(2, 3, 7, 6)
    col = conv.im2col_cpu(img, kh, kw, sy, sx, ph, pw, pval=-1.5,
                          cover_all=cover_all, dy=dy, dx=dx)
    expected = _naive_im2col(img, kh, kw, sy, sx, ph, pw, -1.5, cover_all,
                             dy, dx)
    assert col.flags.c_contiguous
    numpy.testing.assert_array_equal(col, expected)
    g = rng.randn(*col.shape)
    back = conv.col2im_cpu(g, sy, sx, ph, pw, 7, 6, dy, dx)
    numpy.testing.assert_allclose(
        back, _naive_col2im(g, sy, sx, ph, pw, 7, 6, dy, dx), atol=1e-12)


def test_im2col_noncontiguous_input():
    img = numpy.random.RandomState(1).randn(3, 2, 8, 10)[:, :, ::2, ::2]
    col = conv.im2col_cpu(img, 2, 2, 1, 1, 0, 0)
    numpy.testing.assert_array_equal(
        col, _naive_im2col(img, 2, 2, 1, 1, 0, 0, 0, False, 1, 1))


def test_outsize():
    assert conv.get_conv_outsize(7, 3, 2, 1) == 4
    assert conv.get_conv_outsize(6, 3, 2, 0, cover_all=True) == 3
    assert conv.get_conv_outsize(6, 3, 2, 0) == 2
    assert conv.get_deconv_outsize(4, 3, 2, 1) == 7
    assert conv.get_conv_outsize(9, 3, 1, 0, d=2) == 5


def test_kernel_too_large():
    with pytest.raises(RuntimeError, match='kernel 5x5'):
        conv.im2col_cpu(numpy.zeros((1, 1, 3, 3)), 5, 5, 1, 1, 0, 0)
