import chainer
from chainer import backend
from chainer import utils


def floor(x):
    """Elementwise floor function.

    .. math:: y_i = \\lfloor x_i \\rfloor

    The function rounds towards minus infinity, so its gradient is zero
    almost everywhere; as in v5 the result is a new
    :class:`~chainer.Variable` that is not connected to the graph of ``x``.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input array.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.
    """
    if isinstance(x, chainer.Variable):
        x = x.array
    xp = backend.get_array_module(x)
    return chainer.as_variable(utils.force_array(xp.floor(x), x.dtype))
