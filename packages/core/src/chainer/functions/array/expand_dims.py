import chainer.functions
from chainer import function_node
from chainer.utils import type_check


class ExpandDims(function_node.FunctionNode):

    """Inserts an axis of length one."""

    def __init__(self, axis):
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        if self.axis >= 0:
            type_check.expect(x_type.ndim >= self.axis)
        else:
            type_check.expect(x_type.ndim >= -self.axis - 1)

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        axis = self.axis if self.axis >= 0 else self.axis + x.ndim + 1
        return x.reshape(x.shape[:axis] + (1,) + x.shape[axis:]),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return chainer.functions.reshape(gy, self._in_shape),


def expand_dims(x, axis):
    """Expands dimensions of an input variable without copy.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        axis (int): Position of the new axis, with
            ``-x.ndim - 1 <= axis <= x.ndim``; a negative axis counts from
            the end of the output shape.

    Returns:
        ~chainer.Variable: Variable with one more dimension than ``x``.

    .. admonition:: Example

        >>> x = np.array([1, 2, 3])
        >>> F.expand_dims(x, axis=0).shape
        (1, 3)
        >>> F.expand_dims(x, axis=-1).shape
        (3, 1)

    """
    y, = ExpandDims(axis).apply((x,))
    return y
