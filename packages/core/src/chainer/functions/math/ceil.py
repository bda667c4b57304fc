import chainer
from chainer import backend
from chainer import utils


def ceil(x):
    """Elementwise ceil function.

    .. math:: y_i = \\lceil x_i \\rceil

    The function rounds towards plus infinity, so its gradient is zero
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
    return chainer.as_variable(utils.force_array(xp.ceil(x), x.dtype))
