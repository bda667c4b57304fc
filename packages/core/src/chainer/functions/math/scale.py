import chainer.functions
from chainer.functions.math import bias as _bias


def scale(x, y, axis=1):
    """Elementwise product with broadcasting.

    Multiplies ``x`` by ``y`` after broadcasting ``y`` in the style of
    Caffe's scale layer: ``axis`` is the first axis of ``x`` that ``y`` runs
    along. For example, ``x`` of shape ``(100, 3, 40, 5, 6)``, ``y`` of
    shape ``(3, 40)`` and ``axis=1`` broadcast ``y`` as
    ``(1, 3, 40, 1, 1)``. (This ``axis`` differs from numpy's axis
    arguments.)

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable to
            be scaled.
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable to
            scale by, broadcasted.
        axis (int): The first axis of ``x`` along which ``y`` is applied.

    Returns:
        ~chainer.Variable: Output variable of the shape of ``x``.
    """
    return chainer.as_variable(x) * _bias._broadcast_like(x, y, axis)
