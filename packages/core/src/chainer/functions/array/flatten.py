import chainer.functions


def flatten(x):
    """Flattens a given array into one dimension.

    Args:
        x (~chainer.Variable or ndarray): Input variable.

    Returns:
        ~chainer.Variable: Output variable of shape ``(x.size,)``; a 0-dim
        input gives shape ``(1,)``.

    .. admonition:: Example

        >>> x = np.array([[1, 2], [3, 4]])
        >>> F.flatten(x).array
        array([1, 2, 3, 4])

    """
    return chainer.functions.reshape(x, (x.size,))
