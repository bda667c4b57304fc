import math

import chainer.functions
from chainer.functions.math import _special


class Ndtri(_special.UnarySpecial):

    _name = 'ndtri'
    _retain = 'y'

    def backward(self, indexes, grad_outputs):
        y = self.retained()
        gy, = grad_outputs
        F = chainer.functions
        return gy * (F.exp(y * y * 0.5) * math.sqrt(2 * math.pi)),


def ndtri(x):
    """Elementwise inverse function of ndtr (the normal quantile).

    Inputs must lie in :math:`[0, 1]`; others give NaN.

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Ndtri().apply((x,))[0]
