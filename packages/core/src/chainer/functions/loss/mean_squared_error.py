"""Mean squared error between two arrays."""
import chainer.functions
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks


class MeanSquaredError(function_node.FunctionNode):

    """mean((x0 - x1) ** 2) over all elements."""

    def check_type_forward(self, in_types):
        _checks.check_float_pair(in_types, ('x0', 'x1'))

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x0, x1 = inputs
        diff = (x0 - x1).ravel()
        # A dot product reduces in one BLAS call without a squared copy.
        return utils.force_array(
            diff.dot(diff) / max(diff.size, 1), x0.dtype),

    def backward(self, indexes, grad_outputs):
        x0, x1 = self.get_retained_inputs()
        gy, = grad_outputs
        diff = x0 - x1
        gy = chainer.functions.broadcast_to(gy, diff.shape)
        gx0 = gy * diff * (2. / max(diff.size, 1))
        ret = []
        if 0 in indexes:
            ret.append(gx0)
        if 1 in indexes:
            ret.append(-gx0)
        return ret


def mean_squared_error(x0, x1):
    """Mean squared error function.

    .. math:: \\frac{1}{N} \\sum_{i} (x_{0,i} - x_{1,i})^2

    where :math:`N` is the number of elements.

    Args:
        x0 (~chainer.Variable or ndarray): Float array.
        x1 (~chainer.Variable or ndarray): Array of the shape and dtype of
            ``x0``.

    Returns:
        ~chainer.Variable: 0-dim mean squared error (dtype of ``x0``).

    .. admonition:: Example

        >>> x0 = np.array([1, 2, 3], np.float32)
        >>> x1 = np.array([1, 4, 7], np.float32)
        >>> F.mean_squared_error(x0, x1).array
        array(6.6666665, dtype=float32)
    """
    return MeanSquaredError().apply((x0, x1))[0]
