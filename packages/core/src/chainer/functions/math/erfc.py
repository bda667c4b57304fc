import math

import chainer.functions
from chainer.functions.math import _special


class Erfc(_special.UnarySpecial):

    _name = 'erfc'
    _retain = 'x'

    def backward(self, indexes, grad_outputs):
        x = self.retained()
        gy, = grad_outputs
        F = chainer.functions
        return gy * (F.exp(-x * x) * (-2 / math.sqrt(math.pi))),


def erfc(x):
    """Elementwise complementary error function.

    .. math:: \\mathrm{erfc}(x) = 1 - \\mathrm{erf}(x).

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Erfc().apply((x,))[0]
