import math

import chainer.functions
from chainer.functions.math import _special


class Erf(_special.UnarySpecial):

    _name = 'erf'
    _retain = 'x'

    def backward(self, indexes, grad_outputs):
        x = self.retained()
        gy, = grad_outputs
        F = chainer.functions
        return gy * (F.exp(-x * x) * (2 / math.sqrt(math.pi))),


def erf(x):
    """Elementwise error function.

    .. math:: \\mathrm{erf}(x) = \\frac{2}{\\sqrt{\\pi}} \\int_0^x e^{-t^2} dt.

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Erf().apply((x,))[0]
