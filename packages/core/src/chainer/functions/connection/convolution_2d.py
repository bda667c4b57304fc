"""Two-dimensional convolution."""
from chainer.functions.connection import convolution_nd
from chainer.utils import argument


def _parse(kwargs):
    # v5 rejects the removed ``deterministic`` flag with a pointer to config.
    return argument.parse_kwargs(
        kwargs, ('dilate', 1), ('groups', 1),
        deterministic='deterministic argument is not supported anymore. '
        'Use chainer.using_config(\'cudnn_deterministic\', value) context '
        'where value is either `True` or `False`.')


class Convolution2DFunction(convolution_nd.ConvolutionND):

    """2-D convolution node (see :func:`convolution_2d`)."""

    def __init__(self, stride=1, pad=0, cover_all=False, **kwargs):
        dilate, groups = _parse(kwargs)
        super(Convolution2DFunction, self).__init__(
            2, stride, pad, cover_all, dilate, groups)


class Convolution2DGradW(convolution_nd.ConvolutionNDGradW):

    """Weight gradient of a 2-D convolution, given (x, gy)."""


def convolution_2d(x, W, b=None, stride=1, pad=0, cover_all=False,
                   **kwargs):
    """convolution_2d(x, W, b=None, stride=1, pad=0, cover_all=False, *, \
dilate=1, groups=1)

    Two-dimensional convolution function.

    Given an input of shape :math:`(n, c_I, h_I, w_I)` and filters of
    shape :math:`(c_O, c_I / groups, h_K, w_K)`, it computes
    :math:`y_{n,o,i,j} = b_o + \\sum_{c,k,l} W_{o,c,k,l}
    x_{n,c,s_Y i + d_Y k - p_H, s_X j + d_X l - p_W}` with zero padding.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c_I, h_I, w_I)`.
        W (~chainer.Variable or ndarray): Filter of shape
            :math:`(c_O, c_I / groups, h_K, w_K)`.
        b (~chainer.Variable or ndarray): Optional bias of shape
            :math:`(c_O,)`.
        stride (int or pair of ints): Stride ``s_Y, s_X``.
        pad (int or pair of ints): Zero padding ``p_H, p_W`` on both sides.
        cover_all (bool): If ``True``, every input pixel is covered by
            some window (may add one output row/column).
        dilate (int or pair of ints): Dilation ``d_Y, d_X``.
        groups (int): Number of channel groups.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, h_O, w_O)` with
        :math:`h_O = (h_I + 2p_H - d_Y (h_K - 1) - 1) / s_Y + 1`.

    .. admonition:: Example

        >>> x = np.ones((1, 1, 4, 4), np.float32)
        >>> W = np.ones((2, 1, 3, 3), np.float32)
        >>> y = F.convolution_2d(x, W, pad=1)
        >>> y.shape
        (1, 2, 4, 4)
        >>> float(y.array[0, 0, 1, 1]), float(y.array[0, 0, 0, 0])
        (9.0, 4.0)
    """
    dilate, groups = _parse(kwargs)
    return convolution_nd._apply(2, x, W, b, stride, pad, cover_all, dilate,
                                 groups)
