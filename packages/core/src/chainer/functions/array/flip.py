import numpy

from chainer import function_node
from chainer.utils import type_check


class Flip(function_node.FunctionNode):

    """Reverses an array along one axis (a view)."""

    def __init__(self, axis):
        if not isinstance(axis, (int, numpy.integer)) or \
                isinstance(axis, bool):
            raise TypeError('axis must be int')
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.ndim > 0)
        if self.axis >= 0:
            type_check.expect(x_type.ndim > self.axis)
        else:
            type_check.expect(x_type.ndim >= -self.axis)

    def forward(self, inputs):
        x, = inputs
        index = [slice(None)] * x.ndim
        index[self.axis] = slice(None, None, -1)
        return x[tuple(index)],

    def backward(self, indexes, grad_outputs):
        return Flip(self.axis).apply(grad_outputs)


def flip(x, axis):
    """Flips an input variable in reverse order along the given axis.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        axis (int): Axis along which the input variable is reversed.

    Returns:
        ~chainer.Variable: Output variable.

    .. admonition:: Example

        >>> x = np.array([[1, 2], [3, 4]], np.float32)
        >>> F.flip(x, 1).array
        array([[2., 1.],
               [4., 3.]], dtype=float32)

    """
    y, = Flip(axis).apply((x,))
    return y
