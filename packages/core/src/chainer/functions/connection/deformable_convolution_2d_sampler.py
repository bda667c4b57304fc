"""Deformable convolution: a convolution whose taps move by offsets."""
import numpy

import chainer.functions
from chainer.functions.connection import _common


def _base_positions(kh, kw, sy, sx, out_h, out_w, dtype):
    """Undeformed tap positions, (kh*kw, out_h, out_w) for x and y."""
    ky, kx = numpy.meshgrid(numpy.arange(kh), numpy.arange(kw),
                            indexing='ij')
    oy, ox = numpy.meshgrid(numpy.arange(out_h) * sy,
                            numpy.arange(out_w) * sx, indexing='ij')
    px = kx.reshape(-1, 1, 1) + ox[None]
    py = ky.reshape(-1, 1, 1) + oy[None]
    return px.astype(dtype), py.astype(dtype)


def deformable_convolution_2d_sampler(x, offset, W, b=None, stride=1,
                                      pad=0):
    """Two-dimensional deformable convolution function using computed
    offset.

    Tap :math:`k = (k_y, k_x)` of output pixel :math:`(i, j)` reads the
    zero-padded input at :math:`(s_Y i + k_y + \\Delta y, s_X j + k_x +
    \\Delta x)` with bilinear interpolation, where
    :math:`\\Delta x = \\text{offset}[:, k]` and
    :math:`\\Delta y = \\text{offset}[:, k_H k_W + k]` (``k`` in row-major
    order); the samples are then combined with ``W`` as in
    :func:`convolution_2d`.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c_I, h, w)`.
        offset (~chainer.Variable or ndarray): Offsets of shape
            :math:`(n, 2 k_H k_W, h_O, w_O)`.
        W (~chainer.Variable or ndarray): Filter of shape
            :math:`(c_O, c_I, k_H, k_W)`.
        b (~chainer.Variable or ndarray): Optional bias of shape
            :math:`(c_O,)`.
        stride (int or pair of ints): Stride.
        pad (int or pair of ints): Zero padding.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, h_O, w_O)`.
    """
    F = chainer.functions
    sy, sx = _common.as_tuple(stride, 2, 'stride')
    ph, pw = _common.as_tuple(pad, 2, 'pad')
    out_c, in_c, kh, kw = W.shape
    n, c, h, w = x.shape
    if c != in_c:
        raise ValueError('x.shape[1] (%d) must equal W.shape[1] (%d)'
                         % (c, in_c))
    if len(offset.shape) != 4 or offset.shape[1] != 2 * kh * kw:
        raise ValueError('The shape of the offset does not match the '
                         'kernel size: offset.shape = %s, expected (n, %d, '
                         'out_h, out_w)' % (tuple(offset.shape),
                                            2 * kh * kw))
    out_h, out_w = offset.shape[2:]
    k = kh * kw
    px, py = _base_positions(kh, kw, sy, sx, out_h, out_w, offset.dtype)
    dx, dy = F.split_axis(offset, [k], axis=1)
    # Absolute positions in the padded image, mapped to the [-1, 1] range
    # of spatial_transformer_sampler ((-1, -1) is the top-left pixel).
    hp, wp = h + 2 * ph, w + 2 * pw
    gx = (dx + numpy.broadcast_to(px, dx.shape)) * (2. / (wp - 1)) - 1
    gy = (dy + numpy.broadcast_to(py, dy.shape)) * (2. / (hp - 1)) - 1
    grid = F.reshape(F.stack([gx, gy], axis=1), (n, 2, k, out_h * out_w))
    xpad = F.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), 'constant')
    taps = F.spatial_transformer_sampler(xpad, grid)   # (n, c, k, P)
    cols = F.reshape(F.transpose(taps, (0, 3, 1, 2)),
                     (n * out_h * out_w, c * k))
    y = F.linear(cols, F.reshape(W, (out_c, c * k)), b)
    return F.transpose(F.reshape(y, (n, out_h, out_w, out_c)), (0, 3, 1, 2))
