"""Shift: moves each group of channels by its own spatial offset."""
from chainer import backend
from chainer import function_node
from chainer.functions.connection import _common
from chainer.utils import type_check


def _group_offsets(kh, kw):
    """(dy, dx) for each of the kh*kw channel groups.

    Groups follow the kernel cells in row-major order, except that the
    centre cell (no shift) is moved to the last group, which also takes
    the channels left over by an uneven split.
    """
    cells = list(range(kh * kw))
    centre = (kh * kw - 1) // 2
    cells[centre], cells[-1] = cells[-1], cells[centre]
    return [(c // kw - kh // 2, c % kw - kw // 2) for c in cells]


class Shift(function_node.FunctionNode):

    """y[:, group g] = x[:, group g] moved by the g-th offset."""

    def __init__(self, ksize=3, dilate=1, sign=1):
        self.kh, self.kw = _common.as_tuple(ksize, 2, 'ksize')
        self.dy, self.dx = _common.as_tuple(dilate, 2, 'dilate')
        self.sign = sign

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        _common.argname((x_type,), ('x',))
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
            x_type.shape[1] >= self.kh * self.kw,
        )

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        n, c, h, w = x.shape
        y = xp.zeros_like(x)
        groups = self.kh * self.kw
        size = c // groups
        for g, (oy, ox) in enumerate(_group_offsets(self.kh, self.kw)):
            ch = slice(g * size, c if g == groups - 1 else (g + 1) * size)
            sy, sx = self.sign * oy * self.dy, self.sign * ox * self.dx
            # y[.., r, q] = x[.., r + sy, q + sx] where both are inside.
            dst = (slice(max(0, -sy), min(h, h - sy)),
                   slice(max(0, -sx), min(w, w - sx)))
            src = (slice(max(0, sy), min(h, h + sy)),
                   slice(max(0, sx), min(w, w + sx)))
            y[(slice(None), ch) + dst] = x[(slice(None), ch) + src]
        return y,

    def backward(self, indexes, grad_outputs):
        return Shift((self.kh, self.kw), (self.dy, self.dx),
                     -self.sign).apply(grad_outputs)


def shift(x, ksize=3, dilate=1):
    """Shift function.

    Splits the channels into ``ksize * ksize`` groups and moves each group
    by one offset of a ``ksize`` window (times ``dilate``), filling with
    zeros: a zero-FLOP replacement of a spatial convolution.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c, h, w)` with at least ``ksize * ksize`` channels.
        ksize (int or pair of ints): Size of the shift window.
        dilate (int or pair of ints): Distance between shift offsets.

    Returns:
        ~chainer.Variable: Output of the same shape as ``x``.
    """
    y, = Shift(ksize, dilate).apply((x,))
    return y
