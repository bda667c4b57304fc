import numpy

import chainer.functions
from chainer import function_node
from chainer.utils import type_check


def _is_int(x):
    return isinstance(x, (int, numpy.integer)) and not isinstance(x, bool)


class Squeeze(function_node.FunctionNode):

    """Removes axes of length one."""

    def __init__(self, axis=None):
        if axis is None:
            self.axis = None
        elif _is_int(axis):
            self.axis = (int(axis),)
        elif isinstance(axis, tuple) and all(_is_int(a) for a in axis):
            self.axis = tuple(int(a) for a in axis)
        else:
            raise TypeError('axis must be None, int or tuple of ints')

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        if self.axis is None:
            return
        x_type, = in_types
        for a in self.axis:
            if a >= 0:
                type_check.expect(a < x_type.ndim)
            else:
                type_check.expect(-a <= x_type.ndim)
            type_check.expect(x_type.shape[a] == 1)
        ndim = type_check.eval(x_type.ndim)
        if len(set(a % ndim for a in self.axis)) != len(self.axis):
            raise ValueError('duplicate value in axis: {}'.format(self.axis))

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        if self.axis is None:
            shape = tuple(s for s in x.shape if s != 1)
        else:
            drop = set(a % x.ndim for a in self.axis)
            shape = tuple(s for i, s in enumerate(x.shape) if i not in drop)
        return x.reshape(shape),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return chainer.functions.reshape(gy, self._in_shape),


def squeeze(x, axis=None):
    """Removes dimensions of size one from the shape of an array.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        axis (None or int or tuple of ints): Axes to remove; all axes of
            size one when ``None``. Selecting an axis whose size is not one
            raises :class:`~chainer.utils.type_check.InvalidType`.

    Returns:
        ~chainer.Variable: Variable whose dimensions of size one are removed.

    .. admonition:: Example

        >>> x = np.zeros((2, 1, 1, 3), np.float32)
        >>> F.squeeze(x).shape
        (2, 3)
        >>> F.squeeze(x, axis=1).shape
        (2, 1, 3)

    """
    y, = Squeeze(axis).apply((x,))
    return y
