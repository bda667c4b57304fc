import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class BroadcastTo(function_node.FunctionNode):

    """Broadcasts an array to a given shape (a read-only view)."""

    def __init__(self, shape):
        self._shape = tuple(shape)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        ndim = type_check.make_variable(len(self._shape), 'len(shape)')
        type_check.expect(x_type.ndim <= ndim)
        shape = type_check.eval(x_type.shape)
        # Trailing axes are aligned, as in numpy broadcasting.
        for i in range(-1, -len(shape) - 1, -1):
            if shape[i] == self._shape[i] or shape[i] == 1:
                continue
            expect = 'x.shape[{}] == {}'.format(i, self._shape[i])
            if self._shape[i] != 1:
                expect += ' or x.shape[{}] == 1'.format(i)
            raise type_check.InvalidType(
                expect, 'x.shape: {}'.format(shape))

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        xp = backend.get_array_module(x)
        return xp.broadcast_to(x, self._shape),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return chainer.functions.sum_to(gy, self._in_shape),


def broadcast_to(x, shape):
    """Broadcasts a given variable to a given shape.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        shape (tuple of ints): Shape of the output; ``x`` must be
            broadcastable to it by the numpy rules.

    Returns:
        ~chainer.Variable: Output variable broadcast to ``shape``.

    .. admonition:: Example

        >>> x = np.arange(0, 3)
        >>> F.broadcast_to(x, (3, 3)).array
        array([[0, 1, 2],
               [0, 1, 2],
               [0, 1, 2]])

    """
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    if x.shape == shape:
        return chainer.as_variable(x)
    y, = BroadcastTo(shape).apply((x,))
    return y
