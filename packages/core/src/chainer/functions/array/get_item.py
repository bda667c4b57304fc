import numpy

import chainer
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


def _normalize_slices(slices):
    # v5: a list of ints is one integer-array index; any other list is
    # read as a tuple of indices (the old numpy convention).
    if isinstance(slices, list):
        if all(isinstance(s, int) for s in slices):
            slices = slices,
        slices = tuple(slices)
    elif not isinstance(slices, tuple):
        slices = slices,
    return slices


def _is_basic(slices):
    # Basic indexing (views) lets the gradient be a plain assignment.
    for s in slices:
        if s is None or s is Ellipsis or isinstance(s, slice):
            continue
        if isinstance(s, (int, numpy.integer)) and not isinstance(s, bool):
            continue
        return False
    return True


class GetItem(function_node.FunctionNode):

    """Extracts elements of an array with a numpy index."""

    def __init__(self, slices):
        slices = _normalize_slices(slices)
        if chainer.is_debug():
            if sum(1 for s in slices if s is Ellipsis) > 1:
                raise ValueError('Only one Ellipsis is allowed')
        self.slices = slices

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        return utils.force_array(x[self.slices]),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return GetItemGrad(
            self.slices, self._in_shape, self._in_dtype).apply((gy,))


class GetItemGrad(function_node.FunctionNode):

    """Scatters a gradient back to the elements picked by an index."""

    def __init__(self, slices, in_shape, in_dtype):
        self.slices = slices
        self._in_shape = in_shape
        self._in_dtype = in_dtype

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        gx = xp.zeros(self._in_shape, self._in_dtype)
        if _is_basic(self.slices):
            # Each element is picked at most once: assignment suffices.
            gx[self.slices] = gy
        elif xp is numpy:
            # Repeated integer indices must accumulate.
            numpy.add.at(gx, self.slices, gy)
        else:
            import cupyx  # only reached with CuPy arrays
            cupyx.scatter_add(gx, self.slices, gy)
        return gx,

    def backward(self, indexes, grad_outputs):
        ggx, = grad_outputs
        return GetItem(self.slices).apply((ggx,))


def get_item(x, slices):
    """Extracts elements from an array with a numpy-style index.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        slices (int, slice, Ellipsis, None, integer array-like, boolean
            array-like or tuple of them): The index, with the numpy
            semantics. A list of ints is an integer-array index; any
            other list is read as a tuple.

    Returns:
        ~chainer.Variable: The selected elements. Gradients of elements
        picked several times (integer arrays) are accumulated.

    .. note::
        On GPU with integer-array indices, the gradient uses CUDA atomic
        additions, so the dtype must be one CuPy's ``scatter_add``
        supports.

    .. admonition:: Example

        >>> x = np.arange(12).reshape((2, 2, 3))
        >>> F.get_item(x, (0, 0, slice(0, 2, 1))).array
        array([0, 1])
        >>> F.get_item(x, (Ellipsis, 2)).array
        array([[ 2,  5],
               [ 8, 11]])
        >>> F.get_item(x, (1, np.newaxis, 1, 0)).array
        array([9])

    """
    y, = GetItem(slices).apply((x,))
    return y
