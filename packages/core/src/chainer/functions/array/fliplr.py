from chainer import function_node
from chainer.utils import type_check


class FlipLR(function_node.FunctionNode):

    """Reverses the second axis (a view)."""

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('a',))
        a_type, = in_types
        type_check.expect(a_type.ndim >= 2)

    def forward(self, inputs):
        a, = inputs
        return a[:, ::-1],

    def backward(self, indexes, grad_outputs):
        return FlipLR().apply(grad_outputs)


def fliplr(a):
    """Flips an array in the left/right direction (along axis 1).

    Args:
        a (~chainer.Variable or ndarray): Input variable with at least two
            dimensions.

    Returns:
        ~chainer.Variable: Output variable.

    .. admonition:: Example

        >>> x = np.array([[1, 2], [3, 4]], np.float32)
        >>> F.fliplr(x).array
        array([[2., 1.],
               [4., 3.]], dtype=float32)

    """
    y, = FlipLR().apply((a,))
    return y
