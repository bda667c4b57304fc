"""NumPy/CuPy-level array helpers."""
import chainer


def as_vec(x):
    """Returns ``x`` flattened to 1-D (``x`` itself if already 1-D)."""
    if x.ndim == 1:
        return x
    return x.ravel()


def as_mat(x):
    """Returns ``x`` reshaped to ``(len(x), -1)`` (itself if 2-D)."""
    if x.ndim == 2:
        return x
    return x.reshape(len(x), -1)


def empty_like(x):
    """Uninitialized array like ``x`` on the same device."""
    return chainer.backend.get_array_module(x).empty_like(x)


def sum_to(x, shape):
    """Sums an ndarray down to ``shape`` (the reverse of broadcasting).

    Leading axes that ``shape`` lacks are summed out, and axes where
    ``shape`` has length 1 are summed with ``keepdims``.

    Args:
        x (numpy.ndarray or cupy.ndarray): The array to reduce.
        shape (tuple of ints): Target shape; ``x.shape`` must broadcast
            from it.

    Returns:
        An array of the given shape (``x`` itself when already so).
    """
    if isinstance(x, chainer.Variable):
        raise TypeError(
            'chainer.utils.sum_to does not support Variable input. '
            'Use chainer.functions.sum_to instead.')
    shape = tuple(shape)
    if x.shape == shape:
        return x
    lead = x.ndim - len(shape)
    if lead < 0:
        raise ValueError('cannot sum an array of shape {} to shape {}'.format(
            x.shape, shape))
    lead_axes = tuple(range(lead))
    one_axes = tuple(i + lead for i, s in enumerate(shape)
                     if s == 1 and x.shape[i + lead] != 1)
    y = x.sum(axis=lead_axes + one_axes, keepdims=True)
    if lead:
        y = y.reshape(y.shape[lead:])
    return y
