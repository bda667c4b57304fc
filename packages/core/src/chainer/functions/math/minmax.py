import numbers

import numpy

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.utils import type_check


class _SelectorBase(function_node.FunctionNode):

    """Max or min over axes; the gradient goes to every extremal element."""

    _reduce = None  # name of the array method: 'max' or 'min'

    def __init__(self, axis=None, keepdims=False):
        self.axis = _helpers.normalize_axis(axis)
        self.keepdims = keepdims

    @property
    def label(self):
        return self._reduce

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))
        _helpers.check_axis(in_types[0], self.axis)

    def forward(self, inputs):
        x, = inputs
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        y = getattr(x, self._reduce)(axis=self.axis, keepdims=self.keepdims)
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        shape = _helpers.reduced_shape_keepdims(x.shape, self.axis)
        # Ties all receive the full gradient (as in v5).
        cond = x.array == y.array.reshape(shape)
        gy = chainer.functions.broadcast_to(
            chainer.functions.reshape(gy, shape), x.shape)
        return gy * cond.astype(gy.dtype),


class Max(_SelectorBase):
    _reduce = 'max'


class Min(_SelectorBase):
    _reduce = 'min'


class _IndexSelectorBase(function_node.FunctionNode):

    """Index of the max or min; it has no gradient."""

    _reduce = None  # 'argmax' or 'argmin'

    def __init__(self, axis=None):
        if axis is not None and not isinstance(axis, numbers.Integral):
            raise TypeError('None or int are required')
        self.axis = axis

    @property
    def label(self):
        return self._reduce

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))
        if self.axis is not None:
            if self.axis >= 0:
                type_check.expect(self.axis < in_types[0].ndim)
            else:
                type_check.expect(-self.axis - 1 < in_types[0].ndim)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        y = getattr(xp, self._reduce)(x, axis=self.axis)
        # v5 returns int32 indices.
        return utils.force_array(y).astype(numpy.int32, copy=False),

    def backward(self, indexes, grad_outputs):
        return None,


class ArgMax(_IndexSelectorBase):
    _reduce = 'argmax'


class ArgMin(_IndexSelectorBase):
    _reduce = 'argmin'


def max(x, axis=None, keepdims=False):
    """Maximum of array elements over a given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float array to be
            maximized.
        axis (None, int, or tuple of int): Axes over which the max is taken.
            ``None`` (default) takes it over all axes.
        keepdims (bool): If ``True``, the reduced axes are kept as axes of
            length one.

    Returns:
        ~chainer.Variable: Output variable.
    """
    return Max(axis, keepdims).apply((x,))[0]


def min(x, axis=None, keepdims=False):
    """Minimum of array elements over a given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float array to be
            minimized.
        axis (None, int, or tuple of int): Axes over which the min is taken.
            ``None`` (default) takes it over all axes.
        keepdims (bool): If ``True``, the reduced axes are kept as axes of
            length one.

    Returns:
        ~chainer.Variable: Output variable.
    """
    return Min(axis, keepdims).apply((x,))[0]


def argmax(x, axis=None):
    """Returns index which holds maximum of array elements over a given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float array.
        axis (None or int): Axis along which the index is found. ``None``
            (default) searches the flattened array.

    Returns:
        ~chainer.Variable: ``int32`` indices, not differentiable.
    """
    return ArgMax(axis).apply((x,))[0]


def argmin(x, axis=None):
    """Returns index which holds minimum of array elements over a given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float array.
        axis (None or int): Axis along which the index is found. ``None``
            (default) searches the flattened array.

    Returns:
        ~chainer.Variable: ``int32`` indices, not differentiable.
    """
    return ArgMin(axis).apply((x,))[0]
