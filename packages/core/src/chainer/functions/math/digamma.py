import numpy

import chainer.functions
from chainer import backend
from chainer.functions.math import _special


class DiGamma(_special.UnarySpecial):

    _name = 'digamma'
    _retain = 'x'

    def backward(self, indexes, grad_outputs):
        x = self.retained()
        gy, = grad_outputs
        F = chainer.functions
        xp = backend.get_array_module(x.array)
        one = xp.ones(x.shape, dtype=numpy.int32)
        return gy * F.polygamma(one, x),


def digamma(x):
    """Digamma function, the derivative of :func:`lgamma`.

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return DiGamma().apply((x,))[0]
