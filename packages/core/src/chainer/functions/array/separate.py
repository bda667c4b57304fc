import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Separate(function_node.FunctionNode):

    """Splits an array into its slices along an axis (no copy)."""

    def __init__(self, axis):
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        if self.axis >= 0:
            type_check.expect(self.axis < x_type.ndim)
        else:
            type_check.expect(-self.axis <= x_type.ndim)

    def forward(self, inputs):
        x, = inputs
        self._shape = x.shape[:self.axis % x.ndim] + \
            x.shape[self.axis % x.ndim + 1:]
        self._dtype = x.dtype
        xp = backend.get_array_module(x)
        # moveaxis keeps the order of the other axes; ``[i, ...]`` gives
        # views, and 0-dim arrays rather than scalars for a 1-D input.
        moved = xp.moveaxis(x, self.axis, 0)
        return tuple(moved[i, ...] for i in range(len(moved)))

    def backward(self, indexes, grad_outputs):
        present = [g for g in grad_outputs if g is not None]
        xp = backend.get_array_module(*present)
        grads = [xp.zeros(self._shape, self._dtype) if g is None else g
                 for g in grad_outputs]
        return chainer.functions.stack(grads, self.axis),


def separate(x, axis=0):
    """Separates an array along a given axis.

    For example an array of shape ``(2, 3, 4)`` separated with ``axis=1``
    gives three arrays of shape ``(2, 4)``. This is the inverse of
    :func:`~chainer.functions.stack`.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        axis (int): Axis along which the variable is separated.

    Returns:
        tuple of ~chainer.Variable: Output variables.

    .. admonition:: Example

        >>> x = np.arange(6).reshape((2, 3)).astype(np.float32)
        >>> y = F.separate(x, axis=1)
        >>> len(y), y[0].shape
        (3, (2,))
        >>> y[0].array
        array([0., 3.], dtype=float32)

    """
    return Separate(axis).apply((x,))
