import numpy

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.functions.math import _helpers


class Sum(function_node.FunctionNode):

    """Sum of array elements over given axes."""

    def __init__(self, axis=None, keepdims=False):
        self.axis = _helpers.normalize_axis(axis)
        self.keepdims = keepdims

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))
        _helpers.check_axis(in_types[0], self.axis)

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        y = x.sum(axis=self.axis, keepdims=self.keepdims)
        if backend.get_array_module(x) is numpy:
            y = numpy.asarray(y)
        return y,

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        in_shape = self._in_shape
        if not self.keepdims and self.axis is not None and in_shape:
            # Put the reduced axes back as length-1 axes to broadcast.
            gy = chainer.functions.reshape(
                gy, _helpers.reduced_shape_keepdims(in_shape, self.axis))
        return chainer.functions.broadcast_to(gy, in_shape),


def sum(x, axis=None, keepdims=False):
    """Sum of array elements over a given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Elements to sum,
            a float array of any shape :math:`(s_1, ..., s_N)`.
        axis (None, int, or tuple of int): Axes along which the sum is
            taken. ``None`` (default) sums over all axes.
        keepdims (bool): If ``True``, the reduced axes are kept as axes of
            length one.

    Returns:
        ~chainer.Variable: Output variable with the dtype of ``x``.

    .. admonition:: Example

        >>> x = np.arange(6).reshape(2, 3).astype(np.float32)
        >>> F.sum(x).array
        array(15., dtype=float32)
        >>> F.sum(x, axis=1).array
        array([ 3., 12.], dtype=float32)
        >>> F.sum(x, keepdims=True).shape
        (1, 1)

    """
    y, = Sum(axis, keepdims).apply((x,))
    return y
