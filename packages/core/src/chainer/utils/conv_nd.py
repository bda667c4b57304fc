"""N-dimensional im2col/col2im on strided views.

Windows are read through ``as_strided`` views of a (padded) image, so
im2col is one strided copy; col2im folds one kernel axis at a time into
its spatial axis with vectorised slice additions (sum(ksize) adds, no
loops over pixels).  The same code runs on NumPy and CuPy arrays.
"""
import numpy

from chainer import backend
from chainer.utils import conv


def as_tuple(x, n):
    """Returns ``x`` as an n-tuple (an int is repeated n times)."""
    if hasattr(x, '__getitem__'):
        assert len(x) == n
        return tuple(x)
    return (x,) * n


def _as_strided(xp, a, shape, strides):
    if xp is numpy:
        return numpy.lib.stride_tricks.as_strided(
            a, shape, strides, writeable=False)
    return xp.lib.stride_tricks.as_strided(a, shape, strides)


def _pad_channel_major(img, ksize, stride, pad, pval, outs, dilate):
    """Pads ``img`` (B, C, *S) into a (C, B, *S') buffer just large enough
    for every window; returns the buffer (or a view of ``img``)."""
    xp = backend.get_array_module(img)
    spatial = img.shape[2:]
    need = [(o - 1) * s + (k - 1) * d + 1
            for o, s, k, d in zip(outs, stride, ksize, dilate)]
    after = [max(0, n - p - s) for n, p, s in zip(need, pad, spatial)]
    img_cm = img.swapaxes(0, 1)
    if not any(pad) and not any(after):
        return img_cm
    shape = (img.shape[1], img.shape[0]) + tuple(
        p + s + a for p, s, a in zip(pad, spatial, after))
    buf = xp.empty(shape, img.dtype)
    buf[...] = pval
    inner = (slice(None), slice(None)) + tuple(
        slice(p, p + s) for p, s in zip(pad, spatial))
    buf[inner] = img_cm
    return buf


def window_view(img, ksize, stride, pad, pval=0, outs=None, cover_all=False,
                dilate=1):
    """Read-only view (C, *ksize, B, *outs) of the windows of ``img``.

    ``img`` is (B, C, *S).  Padding (value ``pval``) makes one copy; with no
    padding the view shares memory with ``img``.
    """
    nd = img.ndim - 2
    ksize = as_tuple(ksize, nd)
    stride = as_tuple(stride, nd)
    pad = as_tuple(pad, nd)
    dilate = as_tuple(dilate, nd)
    if outs is None:
        outs = tuple(conv.get_conv_outsize(s, k, st, p, cover_all, d)
                     for s, k, st, p, d in zip(
                         img.shape[2:], ksize, stride, pad, dilate))
    xp = backend.get_array_module(img)
    buf = _pad_channel_major(img, ksize, stride, pad, pval, outs, dilate)
    st = buf.strides
    sp = st[2:]
    shape = (buf.shape[0],) + tuple(ksize) + (buf.shape[1],) + tuple(outs)
    strides = ((st[0],) + tuple(s * d for s, d in zip(sp, dilate)) +
               (st[1],) + tuple(s * t for s, t in zip(sp, stride)))
    return _as_strided(xp, buf, shape, strides)


def fold_length(dim, pad, k, s, d, o):
    """Padded length along one axis that covers the image and every window.
    """
    return max(dim + 2 * pad, (o - 1) * s + (k - 1) * d + 1)


def col2im_channel_major(col, stride, pad, dims, dilate=1, folded=0):
    """Folds ``col`` (C, *ksize, B, *outs) into an image (C, B, *dims).

    Each kernel axis is folded into its spatial axis in turn, so there are
    only ``sum(ksize)`` vectorised additions.  Any strides of ``col`` work.
    With ``folded=f`` the first ``f`` kernel axes are already folded:
    ``col`` is (C, k_f, ..., B, P_0, ..., P_{f-1}, o_f, ...) with padded
    lengths ``P``, and only the rest is folded here.
    """
    xp = backend.get_array_module(col)
    nd = len(dims)
    stride = as_tuple(stride, nd)
    pad = as_tuple(pad, nd)
    dilate = as_tuple(dilate, nd)
    cur = col
    for ax in range(folded, nd):
        # cur is (C, k_ax, ..., B, P_0, ..., P_{ax-1}, o_ax, ...); after
        # dropping k_ax the axis of o_ax is always nd + 1.
        k, o = cur.shape[1], cur.shape[nd + 2]
        s, d = stride[ax], dilate[ax]
        shape = list(cur.shape)
        del shape[1]
        pos = nd + 1
        shape[pos] = fold_length(dims[ax], pad[ax], k, s, d, o)
        acc = xp.zeros(shape, col.dtype)
        for i in range(k):
            idx = [slice(None)] * len(shape)
            idx[pos] = slice(i * d, i * d + (o - 1) * s + 1, s)
            acc[tuple(idx)] += cur[:, i]
        cur = acc
    crop = (slice(None), slice(None)) + tuple(
        slice(p, p + n) for p, n in zip(pad, dims))
    return cur[crop]


def im2col_nd_cpu(img, ksize, stride, pad, pval=0, cover_all=False,
                  dilate=1):
    """Returns columns (B, C, *ksize, *outs) of an N-d image (B, C, *S)."""
    xp = backend.get_array_module(img)
    nd = img.ndim - 2
    view = window_view(img, ksize, stride, pad, pval, None, cover_all,
                       dilate)
    # (C, k.., B, o..) -> (B, C, k.., o..)
    axes = (1 + nd, 0) + tuple(range(1, 1 + nd)) + tuple(
        range(2 + nd, 2 + 2 * nd))
    return xp.ascontiguousarray(view.transpose(axes))


def col2im_nd_cpu(col, stride, pad, dims, dilate=1):
    """Inverse (adjoint) of :func:`im2col_nd_cpu`: sums columns back.

    Args:
        col: Array (B, C, *ksize, *outs).
        dims: Spatial shape of the image to produce.
    """
    xp = backend.get_array_module(col)
    nd = len(dims)
    axes = (1,) + tuple(range(2, 2 + nd)) + (0,) + tuple(
        range(2 + nd, 2 + 2 * nd))
    img = col2im_channel_major(col.transpose(axes), stride, pad, dims,
                               dilate)
    return xp.ascontiguousarray(img.swapaxes(0, 1))


# The views and slice additions above are array-module generic, so the
# CuPy versions are the same code (im2col pads with 0 on the GPU, as v5).
def im2col_nd_gpu(img, ksize, stride, pad, cover_all=False, dilate=1):
    """CuPy version of :func:`im2col_nd_cpu` (padding value 0)."""
    return im2col_nd_cpu(img, ksize, stride, pad, 0, cover_all, dilate)


def col2im_nd_gpu(col, stride, pad, dims, dilate=1):
    """CuPy version of :func:`col2im_nd_cpu`."""
    return col2im_nd_cpu(col, stride, pad, dims, dilate)
