"""Two-dimensional max pooling."""
from chainer.functions.pooling import max_pooling_nd


class MaxPooling2D(max_pooling_nd.MaxPoolingND):

    """2-D max pooling node (see :func:`max_pooling_2d`)."""

    def __init__(self, ksize, stride=None, pad=0, cover_all=True,
                 return_indices=False):
        super(MaxPooling2D, self).__init__(2, ksize, stride, pad, cover_all,
                                           return_indices)


def max_pooling_2d(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """Spatial max pooling function.

    Takes the maximum of each ``ksize`` window of a
    :math:`(n, c, h, w)` input.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c, h, w)`.
        ksize (int or pair of ints): Window size ``(k_H, k_W)``.
        stride (int, pair of ints or None): Stride; ``None`` means
            ``ksize``.
        pad (int or pair of ints): Padding (with :math:`-\\infty`).
        cover_all (bool): If ``True``, every input pixel is in some window.
        return_indices (bool): If ``True``, also return the flat index
            (``i * k_W + j``) within each window of its maximum.

    Returns:
        ~chainer.Variable or tuple: Output of shape
        :math:`(n, c, h_O, w_O)`, plus the indices if requested.

    .. admonition:: Example

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> F.max_pooling_2d(x, 2).array[0, 0]
        array([[ 5.,  7.],
               [13., 15.]], dtype=float32)
    """
    return max_pooling_nd._apply(2, x, ksize, stride, pad, cover_all,
                                 return_indices)
