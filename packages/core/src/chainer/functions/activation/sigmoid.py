import numpy

from chainer import backend
from chainer.backends import cuda
from chainer.functions.activation import _unary
from chainer import function_node
from chainer import utils


class Sigmoid(_unary.FloatUnary):

    """Logistic sigmoid function."""

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        half = x.dtype.type(0.5)
        # sigmoid(x) = tanh(x / 2) / 2 + 1/2 never overflows, unlike
        # 1 / (1 + exp(-x)); computed in place to allocate only y.
        y = utils.force_array(x * half)
        xp.tanh(y, out=y)
        y *= half
        y += half
        # Backward needs only y: y' = y (1 - y).
        self.retain_outputs((0,))
        return y,

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        return SigmoidGrad().apply((y, gy))

    def _backward_arrays(self, indexes, grad_outputs):
        # Plain backprop (no double backprop): run the gradient kernel on
        # arrays directly, without building Variables.
        return SigmoidGrad().forward(
            (self._retained_output_data[0], grad_outputs[0]))


class SigmoidGrad(function_node.FunctionNode):

    """Computes ``gy * y * (1 - y)`` from the sigmoid output ``y``."""

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, gy = inputs
        if isinstance(y, numpy.ndarray):
            gx = utils.force_array(1 - y)
            gx *= y
            gx *= gy
            return gx,
        return cuda.elementwise(
            'T y, T gy', 'T gx', 'gx = gy * y * (1 - y)',
            'chainer_sigmoid_grad')(y, gy),

    def backward(self, indexes, grad_outputs):
        y, gy = self.get_retained_inputs()
        g, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(g * gy * (1 - 2 * y))
        if 1 in indexes:
            ret.append(g * y * (1 - y))
        return ret


def sigmoid(x):
    """Element-wise sigmoid logistic function.

    .. math:: f(x) = (1 + \\exp(-x))^{-1}.

    It is computed as :math:`\\tanh(x/2)/2 + 1/2`, which is exact and never
    overflows for large :math:`|x|`.

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`(s_1, s_2, ..., s_N)`-shaped float array.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.arange(-2, 3, 2).astype(np.float32)
        >>> F.sigmoid(x).array
        array([0.11920291, 0.5       , 0.8807971 ], dtype=float32)

    """
    y, = Sigmoid().apply((x,))
    return y
