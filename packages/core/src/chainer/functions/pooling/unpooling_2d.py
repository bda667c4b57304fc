"""Two-dimensional unpooling."""
from chainer.functions.pooling import unpooling_nd


class Unpooling2D(unpooling_nd.UnpoolingND):

    """2-D unpooling node (see :func:`unpooling_2d`)."""

    def __init__(self, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        super(Unpooling2D, self).__init__(2, ksize, stride, pad, outsize,
                                          cover_all)


def unpooling_2d(x, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
    """Inverse operation of pooling for 2d array.

    Each input pixel is copied into every pixel of its ``ksize`` window of
    the output.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c, h, w)`.
        ksize (int or pair of ints): Window size.
        stride (int, pair of ints or None): Stride; ``None`` means
            ``ksize``.
        pad (int or pair of ints): Padding cut from the output.
        outsize (None or pair of ints): Output size ``(h_O, w_O)``.
        cover_all (bool): Must match the pooling being inverted.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c, h_O, w_O)`.

    .. admonition:: Example

        >>> x = np.array([[[[1, 2], [3, 4]]]], np.float32)
        >>> F.unpooling_2d(x, 2, cover_all=False).array[0, 0]
        array([[1., 1., 2., 2.],
               [1., 1., 2., 2.],
               [3., 3., 4., 4.],
               [3., 3., 4., 4.]], dtype=float32)
    """
    y, = Unpooling2D(ksize, stride, pad, outsize, cover_all).apply((x,))
    return y
