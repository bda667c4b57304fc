import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class Cosh(function_node.FunctionNode):

    @property
    def label(self):
        return 'cosh'

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        return utils.force_array(xp.cosh(x)),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] * chainer.functions.sinh(x),


class Sinh(function_node.FunctionNode):

    @property
    def label(self):
        return 'sinh'

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        return utils.force_array(xp.sinh(x)),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] * chainer.functions.cosh(x),


def cosh(x):
    """Elementwise hyperbolic cosine function.

    .. math:: y_i = \\cosh x_i.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Cosh().apply((x,))[0]


def sinh(x):
    """Elementwise hyperbolic sine function.

    .. math:: y_i = \\sinh x_i.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Sinh().apply((x,))[0]
