import numpy

from chainer import backend
from chainer.backends import cuda
from chainer.functions.activation import _unary
from chainer import function_node
from chainer import utils


class ReLU(_unary.FloatUnary):

    """Rectified linear unit."""

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # The output alone tells where x > 0, so x can be freed.
        self.retain_outputs((0,))
        return utils.force_array(xp.maximum(x, x.dtype.type(0))),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        return ReLUGrad(y.array).apply((gy,))

    def _backward_arrays(self, indexes, grad_outputs):
        # Plain backprop (no double backprop): run the gradient kernel on
        # arrays directly, without building Variables.
        return ReLUGrad(self._retained_output_data[0]).forward(grad_outputs)


class ReLUGrad(function_node.FunctionNode):

    """Gradient of ReLU: passes ``gy`` where the output is positive.

    It is linear in ``gy`` with a fixed mask, so it is its own gradient.
    """

    def __init__(self, y):
        self.y = y

    def forward(self, inputs):
        gy, = inputs
        if isinstance(gy, numpy.ndarray):
            return utils.force_array(gy * (self.y > 0), gy.dtype),
        return cuda.elementwise(
            'T y, T gy', 'T gx', 'gx = y > 0 ? gy : (T)0',
            'chainer_relu_grad')(self.y, gy),

    def backward(self, indexes, grad_outputs):
        return ReLUGrad(self.y).apply(grad_outputs)


def relu(x):
    """Rectified Linear Unit function.

    .. math:: f(x) = \\max(0, x).

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`(s_1, s_2, ..., s_N)`-shaped float array.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([[-1, 0], [2, -3], [-2, 1]], np.float32)
        >>> F.relu(x).array
        array([[0., 0.],
               [2., 0.],
               [0., 1.]], dtype=float32)

    """
    y, = ReLU().apply((x,))
    return y
