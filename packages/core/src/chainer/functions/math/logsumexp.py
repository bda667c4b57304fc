import numpy

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class LogSumExp(function_node.FunctionNode):

    def __init__(self, axis=None):
        self.axis = _helpers.normalize_axis(axis)

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))
        _helpers.check_axis(in_types[0], self.axis)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        # Shift by the max so exp never overflows; a non-finite max (all
        # -inf, or some inf) is replaced by 0 so the shift makes no NaN.
        m = utils.force_array(x.max(axis=self.axis, keepdims=True))
        m[~xp.isfinite(m)] = 0
        e = utils.force_array(x - m)
        xp.exp(e, out=e)
        # float16 sums of many terms (each <= 1) could overflow: use float32.
        acc = numpy.float32 if x.dtype == numpy.float16 else None
        s = utils.force_array(e.sum(axis=self.axis, keepdims=True, dtype=acc))
        xp.log(s, out=s)
        s += m.astype(s.dtype, copy=False)
        if self.axis is None:
            y = s.reshape(())
        else:
            y = xp.squeeze(s, axis=tuple(a % x.ndim for a in self.axis))
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        F = chainer.functions
        shape = _helpers.reduced_shape_keepdims(x.shape, self.axis)
        # d logsumexp/dx = softmax(x) = exp(x - y).
        y = F.broadcast_to(F.reshape(y, shape), x.shape)
        gy = F.broadcast_to(F.reshape(gy, shape), x.shape)
        return gy * F.exp(x - y),


def logsumexp(x, axis=None):
    """Log-sum-exp of array elements over a given axis.

    .. math:: y_i = \\log\\left(\\sum_j \\exp(x_{ij})\\right)

    Computed stably: the maximum is subtracted before exponentiating.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float elements to
            log-sum-exp.
        axis (None, int, or tuple of int): Axes along which the sum is taken.
            ``None`` (default) reduces over all axes.

    Returns:
        ~chainer.Variable: Output variable.

    .. admonition:: Example

        >>> x = np.log(np.array([[1., 3.], [2., 2.]], np.float32))
        >>> F.logsumexp(x, axis=1).array
        array([1.3862944, 1.3862944], dtype=float32)

    """
    return LogSumExp(axis).apply((x,))[0]
