import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Stack(function_node.FunctionNode):

    """Joins arrays of one shape along a new axis."""

    def __init__(self, axis):
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        x0 = in_types[0]
        if self.axis >= 0:
            type_check.expect(x0.ndim >= self.axis)
        else:
            type_check.expect(x0.ndim >= -self.axis - 1)
        for x_type in in_types[1:]:
            type_check.expect(
                x0.shape == x_type.shape,
                x0.dtype == x_type.dtype,
            )

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return xp.stack(inputs, axis=self.axis),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return chainer.functions.separate(gy, self.axis)


def stack(xs, axis=0):
    """Concatenates variables along a new axis.

    Args:
        xs (list of ~chainer.Variable or ndarray): Input variables of the
            same shape and dtype.
        axis (int): Position of the new axis, with
            ``-ndim - 1 <= axis <= ndim`` (``ndim`` of the inputs).

    Returns:
        ~chainer.Variable: Output variable; ``y`` indexed by ``i`` along
        ``axis`` is ``xs[i]``.

    .. admonition:: Example

        >>> x1 = np.arange(0, 12).reshape(3, 4)
        >>> x2 = np.arange(12, 24).reshape(3, 4)
        >>> F.stack([x1, x2], axis=0).shape
        (2, 3, 4)
        >>> F.stack([x1, x2], axis=-1).shape
        (3, 4, 2)

    """
    y, = Stack(axis).apply(xs)
    return y
