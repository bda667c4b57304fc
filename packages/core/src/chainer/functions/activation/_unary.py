"""Base of the activation nodes of one float input."""
from chainer import function_node
from chainer.utils import type_check


class FloatUnary(function_node.FunctionNode):

    """A node of one floating-point input, named ``x`` in type errors."""

    def check_type_forward(self, in_types):
        # Kept to one name check and one expectation: it runs on every
        # call of hot activations such as relu.
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.dtype.kind == 'f')
