import chainer.functions
from chainer.functions.math import _helpers


class Cosh(_helpers.UnaryElementwise):
    _name = 'cosh'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] * chainer.functions.sinh(x),


class Sinh(_helpers.UnaryElementwise):
    _name = 'sinh'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] * chainer.functions.cosh(x),


def cosh(x):
    """Elementwise hyperbolic cosine function.

    .. math:: y_i = \\cosh x_i.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Cosh().apply((x,))[0]


def sinh(x):
    """Elementwise hyperbolic sine function.

    .. math:: y_i = \\sinh x_i.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Sinh().apply((x,))[0]
