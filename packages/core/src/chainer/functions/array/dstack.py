from chainer.functions.array import _joiner


class Dstack(_joiner.Joiner):

    """Concatenates arrays depth wise (along axis 2 of their 3-D form)."""

    def _promote(self, shape):
        shape = tuple(shape)
        if len(shape) == 0:
            return (1, 1, 1)
        if len(shape) == 1:
            return (1,) + shape + (1,)
        if len(shape) == 2:
            return shape + (1,)
        return shape

    def _axis(self, ndim):
        return 2

    def _join(self, xp, xs):
        return xp.dstack(xs)


def dstack(xs):
    """Concatenates variables along the third axis (depth wise).

    Args:
        xs (list of ~chainer.Variable or ndarray): Input variables of the
            same ndim and dtype. With three or more dimensions they must have
            the same shape except along the third axis; otherwise they must
            have the same shape.

    Returns:
        ~chainer.Variable: Output variable. Inputs of shape ``()``,
        ``(N1,)`` and ``(N1, N2)`` give shapes ``(1, 1, n)``,
        ``(1, N1, n)`` and ``(N1, N2, n)`` (``n = len(xs)``); otherwise the
        inputs are joined along the third axis.

    .. admonition:: Example

        >>> x1 = np.array((1, 2, 3))
        >>> x2 = np.array((2, 3, 4))
        >>> F.dstack((x1, x2)).shape
        (1, 3, 2)

    """
    y, = Dstack().apply(xs)
    return y
