from chainer import backend
from chainer.functions.activation import _along_axis
from chainer.functions.activation import _numerics
from chainer.functions.activation import _softmax_cudnn


class Softmax(_along_axis.AlongAxis):

    """Softmax along an axis."""

    def forward(self, inputs):
        x, = inputs
        self.retain_outputs((0,))
        if _softmax_cudnn.usable(x):
            return _softmax_cudnn.forward(x, self.axis, False),
        xp = backend.get_array_module(x)
        # Subtracting the max keeps exp from overflowing.
        y = x - x.max(axis=self.axis, keepdims=True)
        y = _numerics.exp(xp, y)
        y /= y.sum(axis=self.axis, keepdims=True)
        return y,

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        return SoftmaxGrad(self.axis).apply((y, gy))


class SoftmaxGrad(_along_axis.AlongAxisGrad):

    """Computes ``y * (gy - sum(y * gy))`` from the softmax output ``y``."""

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, gy = inputs
        if _softmax_cudnn.usable(y):
            return _softmax_cudnn.backward(y, gy, self.axis, False),
        gx = y * gy
        s = gx.sum(axis=self.axis, keepdims=True)
        gx -= y * s
        return gx,

    def backward(self, indexes, grad_outputs):
        y, gy = self.get_retained_inputs()
        g, = grad_outputs
        gy_dot = self._sum_back(y * gy)
        g_dot = self._sum_back(g * y)
        ret = []
        if 0 in indexes:
            ret.append(g * (gy - gy_dot) - gy * g_dot)
        if 1 in indexes:
            ret.append(y * (g - g_dot))
        return ret


def softmax(x, axis=1):
    """Softmax function.

    For each slice :math:`c` of ``x`` along ``axis`` it computes
    :math:`f(c) = \\exp(c) / \\sum_{d} \\exp(c_d)`.

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`n`-dimensional float array.
        axis (int): The axis along which the softmax is computed.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([[0, 1, 2], [0, 2, 4]], np.float32)
        >>> F.softmax(x, axis=1).array
        array([[0.09003057, 0.24472848, 0.66524094],
               [0.01587624, 0.11731043, 0.86681336]], dtype=float32)

    """
    y, = Softmax(axis=axis).apply((x,))
    return y
