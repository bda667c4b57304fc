"""Vectorised window arithmetic shared by the pooling functions.

Windows are strided slices of a padded array, one slice per kernel offset.
Sums are separable, so sum pooling and its adjoint take ``sum(ksize)``
slice additions; max pooling takes ``prod(ksize)`` vectorised maxima.  No
Python loop touches single pixels, and everything works on NumPy and CuPy.
"""
import itertools

import numpy

from chainer import backend
from chainer.utils import conv


def _channel_major(a):
    # True when the batch axis varies faster than the channel axis, as in
    # the output of a convolution.
    return a.ndim >= 2 and a.shape[0] > 1 and a.shape[1] > 1 and \
        abs(a.strides[0]) < abs(a.strides[1])


def alloc(xp, shape, dtype, like, zero=False):
    """A new (B, C, ...) array laid out in memory like ``like``.

    Keeping the channel-major layout of convolution outputs through the
    pooling layers lets the convolution gradients use them without copies.
    """
    make = xp.zeros if zero else xp.empty
    if _channel_major(like):
        return make((shape[1], shape[0]) + tuple(shape[2:]),
                    dtype).swapaxes(0, 1)
    return make(shape, dtype)


def out_sizes(dims, ksize, stride, pad, cover_all, x_shape):
    outs = tuple(conv.get_conv_outsize(s, k, st, p, cover_all)
                 for s, k, st, p in zip(dims, ksize, stride, pad))
    if any(o <= 0 for o in outs):
        raise RuntimeError(
            'Output size should be positive, but the window (ksize %s, '
            'stride %s) is larger than the padded input (x of shape %s, '
            'pad %s): output size %s'
            % (tuple(ksize), tuple(stride), tuple(x_shape), tuple(pad),
               outs))
    return outs


def padded_lengths(dims, ksize, stride, pad, outs):
    """Length of each padded axis: the image plus every window."""
    return tuple(max(d + 2 * p, (o - 1) * s + k)
                 for d, k, s, p, o in zip(dims, ksize, stride, pad, outs))


def pad(x, ksize, stride, pads, outs, value):
    """``x`` padded with ``value`` so every window fits (or ``x`` itself)."""
    dims = x.shape[2:]
    lengths = padded_lengths(dims, ksize, stride, pads, outs)
    if all(n == d for n, d in zip(lengths, dims)):
        return x
    xp = backend.get_array_module(x)
    buf = alloc(xp, x.shape[:2] + lengths, x.dtype, x)
    buf[...] = value
    buf[inner(pads, dims)] = x
    return buf


def inner(pads, dims):
    """Index of the unpadded image inside a padded array."""
    return (slice(None), slice(None)) + tuple(
        slice(p, p + d) for p, d in zip(pads, dims))


def _axis_slice(nd, ax, start, stride, n):
    idx = [slice(None)] * (nd + 2)
    idx[ax + 2] = slice(start, start + (n - 1) * stride + 1, stride)
    return tuple(idx)


def window(ksize, stride, outs, offset):
    """Index of the elements at kernel ``offset`` of every window."""
    return (slice(None), slice(None)) + tuple(
        slice(i, i + (o - 1) * s + 1, s)
        for i, s, o in zip(offset, stride, outs))


def offsets(ksize):
    """Kernel offsets in row-major (flat index) order."""
    return itertools.product(*[range(k) for k in ksize])


def sum_windows(xpad, ksize, stride, outs):
    """Sum over every window, one axis at a time."""
    xp = backend.get_array_module(xpad)
    nd = len(ksize)
    cur = xpad
    for ax in range(nd):
        k, s, o = ksize[ax], stride[ax], outs[ax]
        first = cur[_axis_slice(nd, ax, 0, s, o)]
        acc = alloc(xp, first.shape, first.dtype, xpad)
        acc[...] = first
        for i in range(1, k):
            acc += cur[_axis_slice(nd, ax, i, s, o)]
        cur = acc
    return cur


def scatter_windows(g, ksize, stride, lengths):
    """Adjoint of :func:`sum_windows`: adds ``g`` to every window cell."""
    xp = backend.get_array_module(g)
    nd = len(ksize)
    outs = g.shape[2:]
    cur = g
    for ax in reversed(range(nd)):
        shape = list(cur.shape)
        shape[ax + 2] = lengths[ax]
        acc = alloc(xp, shape, g.dtype, g, zero=True)
        for i in range(ksize[ax]):
            acc[_axis_slice(nd, ax, i, stride[ax], outs[ax])] += cur
        cur = acc
    return cur


def max_windows(xpad, ksize, stride, outs):
    """Max of every window and the flat kernel index of the first max."""
    xp = backend.get_array_module(xpad)
    it = enumerate(offsets(ksize))
    _, first = next(it)
    src = xpad[window(ksize, stride, outs, first)]
    y = alloc(xp, src.shape, src.dtype, xpad)
    y[...] = src
    n_k = 1
    for k in ksize:
        n_k *= k
    idx_dtype = numpy.int8 if n_k < 128 else numpy.int32
    idx = alloc(xp, y.shape, idx_dtype, y, zero=True)
    better = alloc(xp, y.shape, bool, y)
    step = alloc(xp, y.shape, idx_dtype, y)
    for o, off in it:
        cand = xpad[window(ksize, stride, outs, off)]
        xp.greater(cand, y, out=better)
        xp.maximum(y, cand, out=y)
        # idx = where(better, o, idx) without a masked (branchy) write.
        xp.subtract(idx_dtype(o), idx, out=step)
        step *= better
        idx += step
    return y, idx


def _disjoint(ksize, stride):
    return all(s >= k for k, s in zip(ksize, stride))


def scatter_max(g, idx, ksize, stride, lengths):
    """Routes ``g`` to the window cells that ``idx`` selects."""
    xp = backend.get_array_module(g)
    outs = g.shape[2:]
    acc = alloc(xp, g.shape[:2] + tuple(lengths), g.dtype, g, zero=True)
    disjoint = _disjoint(ksize, stride)
    for o, off in enumerate(offsets(ksize)):
        dst = acc[window(ksize, stride, outs, off)]
        if disjoint:
            # Windows do not overlap: write in place, no temporary.
            xp.multiply(g, idx == o, out=dst)
        else:
            dst += g * (idx == o)
    return acc


def gather_max(xpad, idx, ksize, stride):
    """Picks from each window the cell that ``idx`` selects."""
    xp = backend.get_array_module(xpad)
    outs = idx.shape[2:]
    y = alloc(xp, idx.shape, xpad.dtype, idx, zero=True)
    for o, off in enumerate(offsets(ksize)):
        y += xpad[window(ksize, stride, outs, off)] * (idx == o)
    return y


def valid_counts(dims, ksize, stride, pads, outs, dtype, xp):
    """Number of unpadded cells in each window, shaped (1, 1, *outs)."""
    counts = xp.ones((1, 1) + tuple(outs), dtype)
    for ax, (d, k, s, p, o) in enumerate(
            zip(dims, ksize, stride, pads, outs)):
        start = numpy.arange(o) * s - p
        n = numpy.minimum(start + k, d) - numpy.maximum(start, 0)
        shape = [1] * (len(dims) + 2)
        shape[ax + 2] = o
        counts = counts * xp.asarray(n.reshape(shape).astype(dtype))
    return counts


# --- cuDNN -----------------------------------------------------------------

def use_cudnn(x, ndim, cover_all):
    """cuDNN pools 2-D and 3-D windows without cover_all (as in v5)."""
    from chainer.backends import cuda
    return not cover_all and 2 <= ndim <= 3 and cuda._cudnn_usable(x)


def cudnn_mode(kind):
    from chainer.backends import cuda
    lib = cuda.libcudnn
    return {'max': lib.CUDNN_POOLING_MAX,
            'avg_include': lib.CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING,
            'avg_exclude': lib.CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING,
            }[kind]


def cudnn_forward(x, ksize, stride, pads, outs, kind):
    from chainer.backends import cuda
    xp = backend.get_array_module(x)
    x = xp.ascontiguousarray(x)
    y = xp.empty(x.shape[:2] + tuple(outs), x.dtype)
    cuda.cudnn.pooling_forward(x, y, tuple(ksize), tuple(stride),
                               tuple(pads), cudnn_mode(kind))
    return y


def cudnn_backward(x, y, gy, ksize, stride, pads, kind):
    from chainer.backends import cuda
    xp = backend.get_array_module(x)
    return cuda.cudnn.pooling_backward(
        xp.ascontiguousarray(x), xp.ascontiguousarray(y),
        xp.ascontiguousarray(gy), tuple(ksize), tuple(stride), tuple(pads),
        cudnn_mode(kind))
