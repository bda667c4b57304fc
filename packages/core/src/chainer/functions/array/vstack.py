from chainer.functions.array import _joiner


class Vstack(_joiner.Joiner):

    """Concatenates arrays vertically (along axis 0 of their 2-D form)."""

    def _promote(self, shape):
        shape = tuple(shape)
        if len(shape) == 0:
            return (1, 1)
        if len(shape) == 1:
            return (1,) + shape
        return shape

    def _axis(self, ndim):
        return 0

    def _join(self, xp, xs):
        return xp.vstack(xs)


def vstack(xs):
    """Concatenates variables vertically (row wise).

    Args:
        xs (list of ~chainer.Variable or ndarray): Input variables of the
            same ndim and dtype. With two or more dimensions they must have
            the same shape except along the first axis; 0- and 1-dim inputs
            must have the same shape.

    Returns:
        ~chainer.Variable: Output variable. 1-dim inputs of size ``N`` give
        shape ``(len(xs), N)``; otherwise the inputs are joined along the
        first axis.

    .. admonition:: Example

        >>> x1 = np.array((1, 2, 3))
        >>> x2 = np.array((2, 3, 4))
        >>> F.vstack((x1, x2)).array
        array([[1, 2, 3],
               [2, 3, 4]])

    """
    y, = Vstack().apply(xs)
    return y
