from chainer import function_node
from chainer.utils import type_check


class FlipUD(function_node.FunctionNode):

    """Reverses the first axis (a view)."""

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('a',))
        a_type, = in_types
        type_check.expect(a_type.ndim >= 1)

    def forward(self, inputs):
        a, = inputs
        return a[::-1],

    def backward(self, indexes, grad_outputs):
        return FlipUD().apply(grad_outputs)


def flipud(a):
    """Flips an array in the up/down direction (along axis 0).

    Args:
        a (~chainer.Variable or ndarray): Input variable with at least one
            dimension.

    Returns:
        ~chainer.Variable: Output variable.

    .. admonition:: Example

        >>> x = np.array([[1, 2], [3, 4]], np.float32)
        >>> F.flipud(x).array
        array([[3., 4.],
               [1., 2.]], dtype=float32)

    """
    y, = FlipUD().apply((a,))
    return y
