import chainer.functions
from chainer import backend
from chainer.functions.activation import _along_axis
from chainer.functions.activation import _numerics
from chainer.functions.activation import _softmax_cudnn


def _log_softmax(x, axis):
    if _softmax_cudnn.usable(x):
        return _softmax_cudnn.forward(x, axis, True)
    xp = backend.get_array_module(x)
    # log-sum-exp around the max: exp never overflows, and the largest
    # term contributes exp(0) = 1, so the log never sees 0.
    m = x.max(axis=axis, keepdims=True)
    y = x - m
    s = _numerics.exp(xp, y).sum(axis=axis, keepdims=True)
    m += _numerics.log(xp, s)
    return x - m


class LogSoftmax(_along_axis.AlongAxis):

    """Logarithm of the softmax along an axis."""

    def forward(self, inputs):
        x, = inputs
        self.retain_outputs((0,))
        return _log_softmax(x, self.axis),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        return LogSoftmaxGrad(self.axis).apply((y, gy))


class LogSoftmaxGrad(_along_axis.AlongAxisGrad):

    """Computes ``gy - exp(y) * sum(gy)`` from the log-softmax output."""

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, gy = inputs
        if _softmax_cudnn.usable(y):
            return _softmax_cudnn.backward(y, gy, self.axis, True),
        xp = backend.get_array_module(y)
        gx = xp.exp(y)
        gx *= gy.sum(axis=self.axis, keepdims=True)
        return gy - gx,

    def backward(self, indexes, grad_outputs):
        y, gy = self.get_retained_inputs()
        g, = grad_outputs
        e = chainer.functions.exp(y)
        ret = []
        if 0 in indexes:
            ret.append(-g * e * self._sum_back(gy))
        if 1 in indexes:
            ret.append(g - self._sum_back(g * e))
        return ret


def log_softmax(x, axis=1):
    """Channel-wise log-softmax function.

    For each slice :math:`c` of ``x`` along ``axis`` it computes
    :math:`\\log f(c)` with :math:`f(c) = \\exp(c) / \\sum_d \\exp(c_d)`.
    It equals ``log(softmax(x))`` but is stable: it never takes the log of
    an underflowed softmax.

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`n`-dimensional (:math:`n \\geq 2`) float array.
        axis (int): The axis along which the softmax is computed.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([[0, 1, 2], [0, 2, 4]], np.float32)
        >>> F.log_softmax(x).array
        array([[-2.407606  , -1.4076059 , -0.4076059 ],
               [-4.1429315 , -2.1429315 , -0.14293146]], dtype=float32)

    """
    y, = LogSoftmax(axis=axis).apply((x,))
    return y
