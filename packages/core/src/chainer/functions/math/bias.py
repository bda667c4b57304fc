import chainer
import chainer.functions


def _broadcast_like(x, y, axis):
    """Reshapes ``y`` to align with ``x`` from ``axis`` on, then broadcasts."""
    x_shape = x.shape
    y_shape = tuple(y.shape)
    # As in v5 the exact-shape check runs only in debug mode (and is an
    # assertion); otherwise broadcast_to decides, so a ``y`` with length-1
    # axes is accepted and a mismatch raises InvalidType.
    if chainer.is_debug():
        assert x_shape[axis:axis + len(y_shape)] == y_shape, (
            'shape of y {} must match x.shape[{}:{}] = {}'.format(
                y_shape, axis, axis + len(y_shape),
                tuple(x_shape[axis:axis + len(y_shape)])))
    # v5 builds the shape from list repeats, so a negative ``axis`` gives
    # no leading ones (and then fails to broadcast).
    tail = len(x_shape) - axis - len(y_shape)
    y1 = chainer.functions.reshape(
        y, (1,) * max(axis, 0) + y_shape + (1,) * max(tail, 0))
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
