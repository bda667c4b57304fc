from chainer.functions.array import _joiner


class Hstack(_joiner.Joiner):

    """Concatenates arrays horizontally (along axis 1, or 0 for 1-D)."""

    def _promote(self, shape):
        return tuple(shape) if len(shape) >= 1 else (1,)

    def _axis(self, ndim):
        return 0 if ndim == 1 else 1

    def _join(self, xp, xs):
        return xp.hstack(xs)


def hstack(xs):
    """Concatenates variables horizontally (column wise).

    Args:
        xs (list of ~chainer.Variable or ndarray): Input variables of the
            same ndim and dtype. With two or more dimensions they must have
            the same shape except along the second axis; 0- and 1-dim
            inputs may have any sizes.

    Returns:
        ~chainer.Variable: Output variable. For 0- or 1-dim inputs its shape
        is ``(N,)``, ``N`` being the total size; otherwise the inputs are
        joined along the second axis.

    .. admonition:: Example

        >>> x1 = np.array((1, 2, 3))
        >>> x2 = np.array((2, 3, 4))
        >>> F.hstack((x1, x2)).array
        array([1, 2, 3, 2, 3, 4])

    """
    y, = Hstack().apply(xs)
    return y
