import math

import chainer.functions
from chainer.functions.math import _special


class Erfcx(_special.UnarySpecial):

    _name = 'erfcx'
    _retain = 'x'

    def backward(self, indexes, grad_outputs):
        x = self.retained()
        gy, = grad_outputs
        F = chainer.functions
        # d erfcx(x)/dx = 2 x erfcx(x) - 2 / sqrt(pi)
        return gy * (x * F.erfcx(x) * 2.0 - 2 / math.sqrt(math.pi)),


def erfcx(x):
    """Elementwise scaled complementary error function.

    .. math:: \\mathrm{erfcx}(x) = e^{x^2} \\mathrm{erfc}(x),

    computed without overflow for large :math:`x`.

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Erfcx().apply((x,))[0]
