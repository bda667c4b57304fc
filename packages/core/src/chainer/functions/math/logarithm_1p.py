from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class Log1p(function_node.FunctionNode):

    @property
    def label(self):
        return 'log1p'

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        return utils.force_array(xp.log1p(x)),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] / (x + 1.0),


def log1p(x):
    """Elementwise natural logarithm plus one function, accurate near zero.

    .. math:: y_i = \\log(1 + x_i).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Log1p().apply((x,))[0]
