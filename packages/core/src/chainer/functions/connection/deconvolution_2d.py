"""Two-dimensional deconvolution (transposed convolution)."""
from chainer.functions.connection import convolution_2d
from chainer.functions.connection import deconvolution_nd


class Deconvolution2DFunction(deconvolution_nd.DeconvolutionND):

    """2-D transposed convolution node (see :func:`deconvolution_2d`)."""

    def __init__(self, stride=1, pad=0, outsize=None, **kwargs):
        dilate, groups = convolution_2d._parse(kwargs)
        super(Deconvolution2DFunction, self).__init__(
            2, stride, pad, outsize, dilate, groups)


def deconvolution_2d(x, W, b=None, stride=1, pad=0, outsize=None,
                     **kwargs):
    """deconvolution_2d(x, W, b=None, stride=1, pad=0, outsize=None, *, \
dilate=1, groups=1)

    Two-dimensional deconvolution function.

    The transpose of :func:`convolution_2d`: each input pixel scatters
    ``W``-weighted copies into the output.  Without ``outsize`` the output
    size is :math:`h_O = s_Y (h_I - 1) + d_Y (h_K - 1) + 1 - 2p_H`.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c_I, h_I, w_I)`.
        W (~chainer.Variable or ndarray): Filter of shape
            :math:`(c_I, c_O / groups, h_K, w_K)`.
        b (~chainer.Variable or ndarray): Optional bias of shape
            :math:`(c_O,)`.
        stride (int or pair of ints): Stride ``s_Y, s_X``.
        pad (int or pair of ints): Padding ``p_H, p_W`` cut from the output.
        outsize (None or pair of ints): Output size ``(h_O, w_O)``; needed
            when several sizes map back to ``x`` under convolution.
        dilate (int or pair of ints): Dilation ``d_Y, d_X``.
        groups (int): Number of channel groups.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, h_O, w_O)`.

    .. admonition:: Example

        >>> x = np.ones((1, 1, 2, 2), np.float32)
        >>> W = np.ones((1, 3, 2, 2), np.float32)
        >>> y = F.deconvolution_2d(x, W, stride=2)
        >>> y.shape
        (1, 3, 4, 4)
    """
    dilate, groups = convolution_2d._parse(kwargs)
    return deconvolution_nd._apply(2, x, W, b, stride, pad, outsize, dilate,
                                   groups)
