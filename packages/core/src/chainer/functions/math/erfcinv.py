import math

import chainer.functions
from chainer.functions.math import _special


class ErfcInv(_special.UnarySpecial):

    _name = 'erfcinv'
    _retain = 'y'

    def backward(self, indexes, grad_outputs):
        y = self.retained()
        gy, = grad_outputs
        F = chainer.functions
        return gy * (F.exp(y * y) * (-math.sqrt(math.pi) / 2)),


def erfcinv(x):
    """Elementwise inverse function of complementary error function.

    Inputs must lie in :math:`[0, 2]`; others give NaN.

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return ErfcInv().apply((x,))[0]
