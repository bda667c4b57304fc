from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class Expm1(function_node.FunctionNode):

    @property
    def label(self):
        return 'expm1'

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # d (exp(x) - 1)/dx = y + 1: the output suffices.
        self.retain_outputs((0,))
        return utils.force_array(xp.expm1(x)),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return grad_outputs[0] * (y + 1.0),


def expm1(x):
    """Elementwise exponential minus one function, accurate near zero.

    .. math:: y_i = \\exp(x_i) - 1.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Expm1().apply((x,))[0]
