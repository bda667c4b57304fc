import chainer
import chainer.functions
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


def _sum_to(x, shape):
    # Sums away the leading extra axes and the axes broadcast from size 1.
    lead = x.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, s in enumerate(shape)
        if s == 1 and x.shape[lead + i] != 1)
    if not axes:
        return x
    y = x.sum(axis=axes, keepdims=True)
    if lead:
        y = y.reshape(shape)
    return utils.force_array(y, x.dtype)


class SumTo(function_node.FunctionNode):

    """Sums elements of an array so that it gets a smaller, given shape."""

    def __init__(self, shape):
        self._shape = tuple(shape)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        ndim = type_check.make_variable(len(self._shape), 'len(shape)')
        type_check.expect(x_type.ndim >= ndim)
        x_shape = type_check.eval(x_type.shape)
        for i in range(-1, -len(self._shape) - 1, -1):
            if x_shape[i] == self._shape[i] or self._shape[i] == 1:
                continue
            raise type_check.InvalidType(
                'x.shape[{0}] == shape[{0}] or shape[{0}] == 1'.format(i),
                'x.shape: {}, shape: {}'.format(x_shape, self._shape))

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        return _sum_to(x, self._shape),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return chainer.functions.broadcast_to(gy, self._in_shape),


def sum_to(x, shape):
    """Sums elements of ``x`` so that the result has the given shape.

    This is the adjoint of :func:`broadcast_to`: ``x`` must be
    broadcastable from ``shape``.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        shape (tuple of ints): The target shape.

    Returns:
        ~chainer.Variable: Output variable of shape ``shape``.

    .. admonition:: Example

        >>> x = np.array([[1., 2., 3.], [4., 5., 6.]])
        >>> F.sum_to(x, (1, 3)).array
        array([[5., 7., 9.]])
        >>> F.sum_to(x, (2, 1)).array
        array([[ 6.],
               [15.]])

    """
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    if x.shape == shape:
        return chainer.as_variable(x)
    y, = SumTo(shape).apply((x,))
    return y
