import math

import chainer.functions
from chainer.functions.math import _special


class LogNdtr(_special.UnarySpecial):

    _name = 'log_ndtr'
    _retain = 'x'

    def backward(self, indexes, grad_outputs):
        x = self.retained()
        gy, = grad_outputs
        F = chainer.functions
        # ndtr(x)^-1 d ndtr(x)/dx = sqrt(2 / pi) / erfcx(-x / sqrt(2))
        return gy * (math.sqrt(2 / math.pi) / F.erfcx(x * -math.sqrt(0.5))),


def log_ndtr(x):
    """Logarithm of cumulative distribution function of normal distribution.

    Stable for large negative :math:`x`, where ``ndtr`` underflows.

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return LogNdtr().apply((x,))[0]
