import math

import chainer.functions
from chainer.functions.math import _special


class Ndtr(_special.UnarySpecial):

    _name = 'ndtr'
    _retain = 'x'

    def backward(self, indexes, grad_outputs):
        x = self.retained()
        gy, = grad_outputs
        F = chainer.functions
        return gy * (F.exp(x * x * -0.5) / math.sqrt(2 * math.pi)),


def ndtr(x):
    """Elementwise cumulative distribution function of normal distribution.

    .. math:: \\mathrm{ndtr}(x) = \\frac{1}{\\sqrt{2\\pi}}
        \\int_{-\\infty}^x e^{-t^2/2} dt.

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Ndtr().apply((x,))[0]
