"""Depthwise convolution: each input channel has its own filters."""
import chainer.functions
from chainer.functions.connection import convolution_nd
from chainer.utils import type_check


def depthwise_convolution_2d(x, W, b=None, stride=1, pad=0):
    """Two-dimensional depthwise convolution function.

    Each input channel ``c`` is convolved with its ``M`` filters
    ``W[:, c]``; output channel ``c * M + m`` holds filter ``m`` of channel
    ``c``.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c_I, h, w)`.
        W (~chainer.Variable or ndarray): Filters of shape
            :math:`(M, c_I, k_H, k_W)` (``M`` is the channel multiplier).
        b (~chainer.Variable or ndarray): Optional bias of shape
            :math:`(M c_I,)`.
        stride (int or pair of ints): Stride.
        pad (int or pair of ints): Zero padding.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, M c_I, h_O, w_O)`.
    """
    if len(x.shape) != 4 or len(W.shape) != 4 or x.shape[1] != W.shape[1]:
        raise type_check.InvalidType(
            'x.ndim == 4, W.ndim == 4, x.shape[1] == W.shape[1]',
            'x.shape = %s, W.shape = %s' % (tuple(x.shape), tuple(W.shape)))
    mult, in_c, kh, kw = W.shape
    # A grouped convolution with one group per input channel; rows of the
    # rearranged filter are ordered (channel, multiplier) as in v5.
    Wg = chainer.functions.reshape(
        chainer.functions.transpose(W, (1, 0, 2, 3)),
        (in_c * mult, 1, kh, kw))
    return convolution_nd._apply(2, x, Wg, b, stride, pad, False, 1, in_c)
