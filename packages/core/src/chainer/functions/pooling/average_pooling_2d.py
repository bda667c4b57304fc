"""Two-dimensional average pooling."""
from chainer.functions.pooling import average_pooling_nd


class AveragePooling2D(average_pooling_nd.AveragePoolingND):

    """2-D average pooling node (see :func:`average_pooling_2d`)."""

    def __init__(self, ksize, stride=None, pad=0, cover_all=False):
        super(AveragePooling2D, self).__init__(2, ksize, stride, pad,
                                               cover_all)


def average_pooling_2d(x, ksize, stride=None, pad=0):
    """Spatial average pooling function.

    Each output is the mean of a ``ksize`` window; padded cells count as
    zeros, so every window is divided by :math:`k_H k_W`.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c, h, w)`.
        ksize (int or pair of ints): Window size ``(k_H, k_W)``.
        stride (int, pair of ints or None): Stride; ``None`` means
            ``ksize``.
        pad (int or pair of ints): Zero padding on both sides.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c, h_O, w_O)`.

    .. admonition:: Example

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> F.average_pooling_2d(x, 2).array[0, 0]
        array([[ 2.5,  4.5],
               [10.5, 12.5]], dtype=float32)
    """
    y, = AveragePooling2D(ksize, stride, pad).apply((x,))
    return y
