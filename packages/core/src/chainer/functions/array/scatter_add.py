import numpy

import chainer.functions
from chainer import backend
from chainer.functions.array import get_item
from chainer import function_node
from chainer.utils import type_check


class ScatterAdd(function_node.FunctionNode):

    """``y = a.copy(); y[slices] += b`` with repeated indices summed."""

    def __init__(self, slices):
        self.slices = get_item._normalize_slices(slices)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('a', 'b'))
        a_type, b_type = in_types
        type_check.expect(a_type.dtype == b_type.dtype)

    def forward(self, inputs):
        a, b = inputs
        xp = backend.get_array_module(a)
        selected = a[self.slices]
        if numpy.shape(selected) != b.shape:
            raise type_check.InvalidType(
                'b.shape == a[slices].shape',
                '{} != {}'.format(b.shape, numpy.shape(selected)))
        y = a.copy()
        if xp is numpy:
            numpy.add.at(y, self.slices, b)
        else:
            import cupyx  # only reached with CuPy arrays
            cupyx.scatter_add(y, self.slices, b)
        return y,

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(gy)
        if 1 in indexes:
            ret.append(chainer.functions.get_item(gy, self.slices))
        return ret


def scatter_add(a, slices, b):
    """Adds given values to specified elements of an array.

    Adds ``b`` to the elements ``a[slices]`` of a copy of ``a`` and returns
    the copy; ``a`` itself is not changed. Elements selected several times
    (repeated integer indices) receive every addition, as with
    :func:`numpy.add.at`.

    Args:
        a (~chainer.Variable or ndarray): A variable.
        slices (int, slice, Ellipsis, None, integer array-like, boolean
            array-like or tuple of them): The elements to add to.
        b (~chainer.Variable or ndarray): The values to add. Its shape must
            equal that of ``a[slices]`` (no broadcasting).

    Returns:
        ~chainer.Variable: The result of the scatter addition.

    .. admonition:: Example

        >>> a = np.zeros(3, np.float32)
        >>> b = np.ones(3, np.float32)
        >>> F.scatter_add(a, [np.array([0, 0, 2])], b).array
        array([2., 0., 1.], dtype=float32)

    """
    y, = ScatterAdd(slices).apply((a, b))
    return y
