import numbers

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.utils import type_check


def _check_axis(axis):
    if axis is not None and not isinstance(axis, numbers.Integral):
        raise TypeError('axis must be int or None')


class Cumsum(function_node.FunctionNode):

    """Cumulative sum along one axis (flattened when ``axis`` is None)."""

    def __init__(self, axis=None, reverse=False):
        _check_axis(axis)
        self.axis = axis
        self.reverse = reverse  # private: sums from the end (its gradient)

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))
        if self.axis is not None:
            if self.axis >= 0:
                type_check.expect(self.axis < in_types[0].ndim)
            else:
                type_check.expect(-self.axis - 1 < in_types[0].ndim)

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        xp = backend.get_array_module(x)
        if self.axis is None:
            x = x.ravel()
            axis = 0
        else:
            axis = self.axis
        if not self.reverse:
            return utils.force_array(xp.cumsum(x, axis=axis), x.dtype),
        x = xp.flip(x, axis)
        y = xp.flip(xp.cumsum(x, axis=axis), axis)
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        # The gradient of a running sum is the running sum from the end.
        axis = 0 if self.axis is None else self.axis
        gx = Cumsum(axis, not self.reverse).apply((gy,))[0]
        if self.axis is None:
            gx = chainer.functions.reshape(gx, self._in_shape)
        return gx,


def cumsum(x, axis=None):
    """Cumulative sum of array elements over a given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float elements to
            calculate the cumulative sum of.
        axis (int or None): Axis along which the cumulative sum is taken.
            If ``None``, the input is flattened first.

    Returns:
        ~chainer.Variable: Output variable.

    .. admonition:: Example

        >>> F.cumsum(np.array([[1., 2.], [3., 4.]], np.float32), axis=0).array
        array([[1., 2.],
               [4., 6.]], dtype=float32)

    """
    return Cumsum(axis).apply((x,))[0]
