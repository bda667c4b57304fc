import chainer.functions


def _broadcast_like(x, y, axis):
    """Reshapes ``y`` to align with ``x`` from ``axis`` on, then broadcasts."""
    x_shape = x.shape
    y_shape = y.shape
    if x_shape[axis:axis + len(y_shape)] != tuple(y_shape):
        raise ValueError(
            'shape of y {} must match x.shape[{}:{}] = {}'.format(
                tuple(y_shape), axis, axis + len(y_shape),
                tuple(x_shape[axis:axis + len(y_shape)])))
    tail = len(x_shape) - axis - len(y_shape)
    y1 = chainer.functions.reshape(
        y, (1,) * axis + tuple(y_shape) + (1,) * tail)
    return chainer.functions.broadcast_to(y1, x_shape)


def bias(x, y, axis=1):
    """Elementwise summation with broadcasting.

    Adds ``y`` to ``x`` after broadcasting ``y`` in the style of Caffe's
    bias layer: ``axis`` is the first axis of ``x`` that ``y`` runs along.
    For example, ``x`` of shape ``(100, 3, 40, 5, 6)``, ``y`` of shape
    ``(3, 40)`` and ``axis=1`` broadcast ``y`` as ``(1, 3, 40, 1, 1)``.
    (This ``axis`` differs from numpy's axis arguments.)

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable to
            be summed.
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable to
            add, broadcasted.
        axis (int): The first axis of ``x`` along which ``y`` is applied.

    Returns:
        ~chainer.Variable: Output variable of the shape of ``x``.
    """
    return chainer.as_variable(x) + _broadcast_like(x, y, axis)
