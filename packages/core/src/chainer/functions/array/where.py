import numpy

import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Where(function_node.FunctionNode):

    """Chooses elements of ``x`` or ``y`` by a boolean condition."""

    def __init__(self, condition):
        self.condition = condition

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x', 'y'))
        x_type, y_type = in_types
        condition = type_check.make_variable(
            type_check.TypeInfo(self.condition.shape, self.condition.dtype),
            'condition')
        type_check.expect(
            condition.dtype == numpy.bool_,
            x_type.dtype == y_type.dtype,
            condition.shape == x_type.shape,
            x_type.shape == y_type.shape,
        )

    def forward(self, inputs):
        x, y = inputs
        xp = backend.get_array_module(x, y)
        return xp.where(self.condition, x, y),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        xp = backend.get_array_module(gy)
        zeros = xp.zeros(gy.shape, gy.dtype)
        ret = []
        if 0 in indexes:
            ret.append(chainer.functions.where(self.condition, gy, zeros))
        if 1 in indexes:
            ret.append(chainer.functions.where(self.condition, zeros, gy))
        return ret


def where(condition, x, y):
    """Chooses elements depending on a condition.

    Args:
        condition (~chainer.Variable or ndarray): Boolean array; only
            ``bool`` dtype is accepted.
        x (~chainer.Variable or ndarray): Values where ``condition`` is
            true.
        y (~chainer.Variable or ndarray): Values where ``condition`` is
            false. ``condition``, ``x`` and ``y`` must have the same shape,
            and ``x`` and ``y`` the same dtype.

    Returns:
        ~chainer.Variable: Variable containing the chosen values.

    .. admonition:: Example

        >>> cond = np.array([[1, 0], [0, 1]], dtype=bool)
        >>> x = np.array([[1, 2], [3, 4]], np.float32)
        >>> y = np.zeros((2, 2), np.float32)
        >>> F.where(cond, x, y).array
        array([[1., 0.],
               [0., 4.]], dtype=float32)

    """
    if isinstance(condition, chainer.Variable):
        condition = condition.array
    z, = Where(condition).apply((x, y))
    return z
