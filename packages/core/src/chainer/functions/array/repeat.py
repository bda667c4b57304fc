import numpy

from chainer import backend
from chainer.functions.array import _index_map
from chainer import function_node
from chainer.utils import type_check


def _is_int(x):
    return isinstance(x, (int, numpy.integer)) and not isinstance(x, bool)


class Repeat(function_node.FunctionNode):

    """Repeats each element of an array (``numpy.repeat``)."""

    def __init__(self, repeats, axis=None):
        if _is_int(repeats):
            self.repeats = (int(repeats),)
        elif isinstance(repeats, (tuple, list)) and \
                all(_is_int(r) for r in repeats):
            self.repeats = tuple(int(r) for r in repeats)
        else:
            raise TypeError('repeats must be int or tuple of ints')
        if not all(r >= 0 for r in self.repeats):
            raise ValueError('all elements in repeats must be zero or larger')
        if axis is not None and not _is_int(axis):
            raise TypeError('axis must be int or None')
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        if self.axis is not None:
            if self.axis >= 0:
                type_check.expect(self.axis < x_type.ndim)
            else:
                type_check.expect(-self.axis <= x_type.ndim)
        if len(self.repeats) > 1:
            n = type_check.make_variable(len(self.repeats), 'len(repeats)')
            if self.axis is None:
                type_check.expect(x_type.size == n)
            else:
                type_check.expect(x_type.shape[self.axis] == n)

    def _repeats(self):
        return self.repeats[0] if len(self.repeats) == 1 else self.repeats

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self._in_shape = x.shape
        return xp.repeat(x, self._repeats(), self.axis),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        xp = backend.get_array_module(gy.array)
        # Where each output element came from, as a flat input position.
        idx = xp.repeat(_index_map.flat_indices(xp, self._in_shape),
                        self._repeats(), self.axis)
        return _index_map.IndexScatter(idx, self._in_shape).apply((gy,))


def repeat(x, repeats, axis=None):
    """Constructs an array by repeating a given array.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        repeats (int or tuple of ints): The number of times each element of
            ``x`` is repeated (one count for all, or one per element along
            ``axis``).
        axis (int): The axis along which values are repeated; the flattened
            array is used when ``None``.

    Returns:
        ~chainer.Variable: The repeated output variable.

    .. admonition:: Example

        >>> x = np.array([[1, 2], [3, 4]])
        >>> F.repeat(x, 3, axis=1).array
        array([[1, 1, 1, 2, 2, 2],
               [3, 3, 3, 4, 4, 4]])
        >>> F.repeat(x, (1, 2), axis=0).array
        array([[1, 2],
               [3, 4],
               [3, 4]])

    """
    y, = Repeat(repeats, axis).apply((x,))
    return y
