"""Elementwise squared error."""
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks


class SquaredError(function_node.FunctionNode):

    """(x0 - x1) ** 2 elementwise."""

    def check_type_forward(self, in_types):
        _checks.check_float_pair(in_types, ('x0', 'x1'))

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x0, x1 = inputs
        diff = x0 - x1
        return utils.force_array(diff * diff, x0.dtype),

    def backward(self, indexes, grad_outputs):
        x0, x1 = self.get_retained_inputs()
        gy, = grad_outputs
        gx0 = 2 * gy * (x0 - x1)
        return tuple(gx0 if i == 0 else -gx0 for i in indexes)


def squared_error(x0, x1):
    """Elementwise squared error ``(x0 - x1) ** 2``.

    Args:
        x0 (~chainer.Variable or ndarray): Float array.
        x1 (~chainer.Variable or ndarray): Array of the shape and dtype of
            ``x0``.

    Returns:
        ~chainer.Variable: Squared differences (shape of ``x0``).
    """
    return SquaredError().apply((x0, x1))[0]
