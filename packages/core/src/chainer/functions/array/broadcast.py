import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Broadcast(function_node.FunctionNode):

    """Broadcasts arrays against each other (read-only views)."""

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        type_check.expect_broadcast_shapes(*[t.shape for t in in_types])

    def forward(self, inputs):
        self._in_shapes = [x.shape for x in inputs]
        xp = backend.get_array_module(*inputs)
        return tuple(xp.broadcast_arrays(*inputs))

    def backward(self, indexes, grad_outputs):
        return tuple(
            None if gy is None
            else chainer.functions.sum_to(gy, self._in_shapes[i])
            for i, gy in zip(indexes, (grad_outputs[i] for i in indexes)))


def broadcast(*args):
    """Broadcasts given variables against each other.

    Args:
        args (~chainer.Variable or ndarray): Input variables to be
            broadcast; their shapes must be broadcastable by the numpy rules.

    Returns:
        ~chainer.Variable or tuple of ~chainer.Variable: A single Variable
        when one argument is given, otherwise a tuple of broadcast variables.

    .. admonition:: Example

        >>> x = np.zeros((3, 1), np.float32)
        >>> z = np.zeros((2,), np.float32)
        >>> y, w = F.broadcast(x, z)
        >>> y.shape, w.shape
        ((3, 2), (3, 2))

    """
    if len(args) == 1:
        return chainer.as_variable(args[0])
    return Broadcast().apply(args)
