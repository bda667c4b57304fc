"""Elementwise absolute error."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks


class AbsoluteError(function_node.FunctionNode):

    """|x0 - x1| elementwise."""

    def check_type_forward(self, in_types):
        _checks.check_float_pair(in_types, ('x0', 'x1'))

    def forward(self, inputs):
        x0, x1 = inputs
        xp = backend.get_array_module(x0)
        # Only the sign is needed later; kept instead of both inputs.
        diff = x0 - x1
        self.sign = xp.sign(diff)
        return utils.force_array(abs(diff), x0.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        gx0 = gy * self.sign
        return tuple(gx0 if i == 0 else -gx0 for i in indexes)


def absolute_error(x0, x1):
    """Elementwise absolute error ``|x0 - x1|``.

    Args:
        x0 (~chainer.Variable or ndarray): Float array.
        x1 (~chainer.Variable or ndarray): Array of the shape and dtype of
            ``x0``.

    Returns:
        ~chainer.Variable: Absolute differences (shape of ``x0``).
    """
    return AbsoluteError().apply((x0, x1))[0]
