import math

from chainer import utils
from chainer.functions.math import _helpers


class Exp(_helpers.UnaryElementwise):
    _name = 'exp'
    # d exp(x)/dx = exp(x): the output is all backward needs.
    _retain_output = True

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return y * grad_outputs[0],

    # Plain backprop (no double backprop) runs on arrays, skipping the
    # Variable machinery; it must equal ``backward`` numerically.
    def _backward_arrays(self, indexes, grad_outputs):
        gy = grad_outputs[0]
        return utils.force_array(self._retained_output_data[0] * gy),


def exp(x):
    """Elementwise exponential function.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Exp().apply((x,))[0]


class _LogBase(_helpers.UnaryElementwise):

    _name = 'log'
    _factor = 1.0  # d log_b(x)/dx = _factor / x

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy = grad_outputs[0]
        if self._factor != 1.0:
            gy = gy * self._factor
        return gy / x,

    # Plain backprop (no double backprop) runs on arrays, skipping the
    # Variable machinery; it must equal ``backward`` numerically.
    def _backward_arrays(self, indexes, grad_outputs):
        gy = grad_outputs[0]
        if self._factor != 1.0:
            gy = utils.force_array(gy * gy.dtype.type(self._factor))
        return utils.force_array(gy / self.inputs[0].data),


class Log(_LogBase):
    pass


class Log2(_LogBase):
    _name = 'log2'
    _factor = 1.0 / math.log(2.0)


class Log10(_LogBase):
    _name = 'log10'
    _factor = 1.0 / math.log(10.0)


def log(x):
    """Elementwise natural logarithm function.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Log().apply((x,))[0]


def log2(x):
    """Elementwise logarithm function to the base 2.

    .. math:: y_i = \\log_2 x_i.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Log2().apply((x,))[0]


def log10(x):
    """Elementwise logarithm function to the base 10.

    .. math:: y_i = \\log_{10} x_i.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Log10().apply((x,))[0]
