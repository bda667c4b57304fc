import chainer.functions
from chainer.functions.math import _special


class LGamma(_special.UnarySpecial):

    _name = 'lgamma'
    _retain = 'x'

    def backward(self, indexes, grad_outputs):
        x = self.retained()
        gy, = grad_outputs
        F = chainer.functions
        return gy * F.digamma(x),


def lgamma(x):
    """Logarithm of gamma function.

    .. math:: \\mathrm{lgamma}(x) = \\log |\\Gamma(x)|.

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return LGamma().apply((x,))[0]
