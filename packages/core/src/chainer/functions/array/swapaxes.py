from chainer import function_node
from chainer.utils import type_check


class Swapaxes(function_node.FunctionNode):

    """Swaps two axes (a view)."""

    def __init__(self, axis1, axis2):
        self.axis1 = axis1
        self.axis2 = axis2

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        for a in (self.axis1, self.axis2):
            if a >= 0:
                type_check.expect(x_type.ndim > a)
            else:
                type_check.expect(x_type.ndim >= -a)

    def forward(self, inputs):
        x, = inputs
        return x.swapaxes(self.axis1, self.axis2),

    def backward(self, indexes, grad_outputs):
        return Swapaxes(self.axis1, self.axis2).apply(grad_outputs)


def swapaxes(x, axis1, axis2):
    """Swaps two axes of a variable.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        axis1 (int): The first axis to swap.
        axis2 (int): The second axis to swap.

    Returns:
        ~chainer.Variable: Variable whose axes are swapped.

    .. admonition:: Example

        >>> x = np.array([[[0, 1, 2], [3, 4, 5]]], np.float32)
        >>> F.swapaxes(x, axis1=0, axis2=1).shape
        (2, 1, 3)

    """
    y, = Swapaxes(axis1, axis2).apply((x,))
    return y
