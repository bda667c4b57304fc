import math

import chainer.functions
from chainer.functions.math import _special


class ErfInv(_special.UnarySpecial):

    _name = 'erfinv'
    _retain = 'y'

    def backward(self, indexes, grad_outputs):
        y = self.retained()
        gy, = grad_outputs
        F = chainer.functions
        return gy * (F.exp(y * y) * (math.sqrt(math.pi) / 2)),


def erfinv(x):
    """Elementwise inverse function of the error function.

    Inputs must lie in :math:`[-1, 1]`; :math:`\\pm 1` give
    :math:`\\pm\\infty` and others give NaN.

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return ErfInv().apply((x,))[0]
