"""Base of the activation nodes of one float input."""
from chainer import function_node
from chainer.functions.math import _helpers


class FloatUnary(function_node.FunctionNode):

    """A node of one floating-point input, named ``x`` in type errors."""

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))
