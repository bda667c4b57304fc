"""Two-dimensional dilated convolution (a convolution_2d with dilate)."""
from chainer.functions.connection import convolution_nd


def dilated_convolution_2d(x, W, b=None, stride=1, pad=0, dilate=1,
                           cover_all=False):
    """Two-dimensional dilated convolution function.

    Same as :func:`convolution_2d` with ``dilate``: the filter taps are
    ``dilate`` pixels apart, so a :math:`k` filter spans
    :math:`k + (k - 1)(d - 1)` pixels.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c_I, h, w)`.
        W (~chainer.Variable or ndarray): Filter of shape
            :math:`(c_O, c_I, k_H, k_W)`.
        b (~chainer.Variable or ndarray): Optional bias of shape
            :math:`(c_O,)`.
        stride (int or pair of ints): Stride.
        pad (int or pair of ints): Zero padding.
        dilate (int or pair of ints): Dilation factor.
        cover_all (bool): If ``True``, every input pixel is in some window.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, h_O, w_O)`.
    """
    return convolution_nd._apply(2, x, W, b, stride, pad, cover_all, dilate,
                                 1)
