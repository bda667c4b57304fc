import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.functions.math import cumsum as _cumsum
from chainer.utils import type_check


class Cumprod(function_node.FunctionNode):

    """Cumulative product along one axis."""

    def __init__(self, axis):
        self.axis = axis

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))
        if self.axis >= 0:
            type_check.expect(self.axis < in_types[0].ndim)
        else:
            type_check.expect(-self.axis - 1 < in_types[0].ndim)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        return utils.force_array(xp.cumprod(x, axis=self.axis), x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        xp = backend.get_array_module(x.array)
        if x.shape[self.axis] == 0:
            return gy,
        if bool(xp.all(x.array != 0)):
            # dL/dx_i = sum_{k >= i} gy_k y_k / x_i
            rev = _cumsum.Cumsum(self.axis, reverse=True)
            return rev.apply((gy * y,))[0] / x,
        return _zero_safe_grad(x, y, gy, self.axis),


def _zero_safe_grad(x, y, gy, axis):
    """Gradient without division, for inputs containing zeros.

    With ``S_i = sum_{k >= i} gy_k prod_{i < j <= k} x_j`` (so that
    ``S_i = gy_i + x_{i+1} S_{i+1}``), ``dL/dx_i = y_{i-1} S_i`` where
    ``y_{-1} = 1``. The recurrence runs along the axis, one step per entry.
    """
    F = chainer.functions
    x = F.swapaxes(x, 0, axis)
    y = F.swapaxes(y, 0, axis)
    gy = F.swapaxes(gy, 0, axis)
    n = x.shape[0]
    s = gy[n - 1]
    grads = [None] * n
    for i in range(n - 1, -1, -1):
        if i < n - 1:
            s = gy[i] + x[i + 1] * s
        grads[i] = s if i == 0 else y[i - 1] * s
    return F.swapaxes(F.stack(grads, axis=0), 0, axis)


def cumprod(x, axis=None):
    """Cumulative product of array elements over a given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float elements to
            calculate the cumulative product of.
        axis (int or None): Axis along which the cumulative product is taken.
            If ``None``, the input is flattened first.

    Returns:
        ~chainer.Variable: Output variable.

    .. admonition:: Example

        >>> F.cumprod(np.array([1., 2., 3.], np.float32)).array
        array([1., 2., 6.], dtype=float32)

    """
    _cumsum._check_axis(axis)
    if axis is None:
        x = chainer.functions.reshape(x, (-1,))
        axis = 0
    return Cumprod(axis).apply((x,))[0]
