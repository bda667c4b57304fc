import numpy

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Rollaxis(function_node.FunctionNode):

    """Rolls an axis backwards to a position (``numpy.rollaxis``)."""

    def __init__(self, axis, start):
        if not isinstance(axis, (int, numpy.integer)):
            raise TypeError('axis must be int')
        if not isinstance(start, (int, numpy.integer)):
            raise TypeError('start must be int')
        self.axis = int(axis)
        self.start = int(start)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        if self.axis >= 0:
            type_check.expect(x_type.ndim > self.axis)
        else:
            type_check.expect(x_type.ndim > -self.axis - 1)
        if self.start >= 0:
            type_check.expect(x_type.ndim >= self.start)
        else:
            type_check.expect(x_type.ndim > -self.start - 1)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # The permutation rollaxis applies, to undo it in backward.
        axis = self.axis % x.ndim
        start = self.start + x.ndim if self.start < 0 else self.start
        perm = list(range(x.ndim))
        perm.remove(axis)
        perm.insert(start - 1 if axis < start else start, axis)
        self._perm = perm
        return xp.rollaxis(x, self.axis, self.start),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        inv = numpy.argsort(self._perm).tolist()
        return chainer.functions.transpose(gy, inv),


def rollaxis(x, axis, start=0):
    """Rolls the axis backwards to the given position.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        axis (int): The axis to roll backwards.
        start (int): The place to which the axis is moved.

    Returns:
        ~chainer.Variable: Variable whose axis is rolled.

    .. admonition:: Example

        >>> x = np.zeros((2, 3, 4), np.float32)
        >>> F.rollaxis(x, 2).shape
        (4, 2, 3)

    """
    y, = Rollaxis(axis, start).apply((x,))
    return y
