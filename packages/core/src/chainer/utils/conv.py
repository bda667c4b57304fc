"""Output-size arithmetic for convolution and pooling."""


def get_conv_outsize(size, k, s, p, cover_all=False, d=1):
    """Spatial output length of a convolution or pooling window.

    Args:
        size (int): Input length.
        k (int): Kernel length.
        s (int): Stride.
        p (int): Padding on each side.
        cover_all (bool): If ``True``, one more output is produced when the
            last window would otherwise miss some input elements.
        d (int): Dilation.
    """
    dk = k + (k - 1) * (d - 1)
    if cover_all:
        return (size + p * 2 - dk + s - 1) // s + 1
    return (size + p * 2 - dk) // s + 1


def get_deconv_outsize(size, k, s, p, cover_all=False, d=1):
    """Spatial output length of a transposed convolution (inverse of above)."""
    dk = (k - 1) * d + 1
    if cover_all:
        return s * (size - 1) + dk - s + 1 - 2 * p
    return s * (size - 1) + dk - 2 * p


def _outs(h, w, kh, kw, sy, sx, ph, pw, cover_all, dy, dx, out_h, out_w):
    if out_h is None:
        out_h = get_conv_outsize(h, kh, sy, ph, cover_all, dy)
    if out_w is None:
        out_w = get_conv_outsize(w, kw, sx, pw, cover_all, dx)
    if out_h <= 0 or out_w <= 0:
        raise RuntimeError(
            'Output size should be positive: image %dx%d, kernel %dx%d, '
            'pad (%d, %d), stride (%d, %d), dilate (%d, %d) give %dx%d'
            % (h, w, kh, kw, ph, pw, sy, sx, dy, dx, out_h, out_w))
    return out_h, out_w


def im2col_cpu(img, kh, kw, sy, sx, ph, pw, pval=0, cover_all=False,
               dy=1, dx=1, out_h=None, out_w=None):
    """Extracts windows of ``img`` (n, c, h, w) into columns.

    Returns:
        numpy.ndarray: Contiguous array of shape (n, c, kh, kw, out_h, out_w)
        where padded positions hold ``pval``.
    """
    from chainer.utils import conv_nd
    n, c, h, w = img.shape
    outs = _outs(h, w, kh, kw, sy, sx, ph, pw, cover_all, dy, dx,
                 out_h, out_w)
    view = conv_nd.window_view(img, (kh, kw), (sy, sx), (ph, pw), pval,
                               outs, dilate=(dy, dx))
    # view is (c, kh, kw, n, oh, ow); one strided copy into v5's layout.
    return view.transpose(3, 0, 1, 2, 4, 5).copy()


def col2im_cpu(col, sy, sx, ph, pw, h, w, dy=1, dx=1):
    """Sums columns (n, c, kh, kw, out_h, out_w) back into (n, c, h, w)."""
    from chainer.utils import conv_nd
    img = conv_nd.col2im_channel_major(
        col.transpose(1, 2, 3, 0, 4, 5), (sy, sx), (ph, pw), (h, w),
        (dy, dx))
    return img.swapaxes(0, 1).copy()


def im2col_gpu(img, kh, kw, sy, sx, ph, pw, cover_all=False, dy=1, dx=1,
               out_h=None, out_w=None):
    """CuPy version of :func:`im2col_cpu` (padding value 0)."""
    return im2col_cpu(img, kh, kw, sy, sx, ph, pw, 0, cover_all, dy, dx,
                      out_h, out_w)


def col2im_gpu(col, sy, sx, ph, pw, h, w, dy=1, dx=1):
    """CuPy version of :func:`col2im_cpu`."""
    return col2im_cpu(col, sy, sx, ph, pw, h, w, dy, dx)
