import chainer
import chainer.functions
from chainer import function_node
from chainer.utils import type_check


def _count_unknown_dims(shape):
    return sum(1 for s in shape if s < 0)


class Reshape(function_node.FunctionNode):

    """Reshapes an array without copying it."""

    def __init__(self, shape):
        self.shape = shape
        self._cnt = _count_unknown_dims(shape)
        if self._cnt > 1:
            raise ValueError(
                'Only one dimension of shape can be -1: {}'.format(shape))

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        if self._cnt == 0:
            type_check.expect(
                type_check.prod(x_type.shape) == type_check.prod(self.shape))
        else:
            known = 1
            for s in self.shape:
                if s >= 0:
                    known *= s
            # Only divisibility can be checked when one size is inferred; a
            # zero known size is left to numpy, which raises ValueError.
            if known > 0:
                known = type_check.make_variable(known, 'known_size')
                type_check.expect(
                    type_check.prod(x_type.shape) % known == 0)

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        return x.reshape(self.shape),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return reshape(gy, self._in_shape),


def reshape(x, shape):
    """Reshapes an input variable without copy.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        shape (tuple of ints): Expected shape of the output. Its size must
            equal that of ``x``; one dimension may be ``-1`` and is then
            inferred.

    Returns:
        ~chainer.Variable: Variable that holds a reshaped view of ``x``.

    .. admonition:: Example

        >>> x = np.array([[1, 2, 3, 4], [5, 6, 7, 8]])
        >>> F.reshape(x, (4, -1)).shape
        (4, 2)

    """
    if isinstance(shape, int):
        shape = (shape,)
    else:
        shape = tuple(int(s) for s in shape)
    if x.shape == shape:
        return chainer.as_variable(x)
    y, = Reshape(shape).apply((x,))
    return y
