import numpy

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


def _is_int(x):
    return isinstance(x, (int, numpy.integer)) and not isinstance(x, bool)


class Tile(function_node.FunctionNode):

    """Tiles an array (``numpy.tile``)."""

    def __init__(self, reps):
        if _is_int(reps):
            self.reps = (int(reps),)
        elif isinstance(reps, tuple) and all(_is_int(r) for r in reps):
            self.reps = tuple(int(r) for r in reps)
        else:
            raise TypeError('reps must be int or tuple of ints')
        if not all(r >= 0 for r in self.reps):
            raise ValueError('All elements in reps must be zero or larger')

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        xp = backend.get_array_module(x)
        return xp.tile(x, self.reps),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        F = chainer.functions
        d = max(len(self.reps), len(self._in_shape))
        if d == 0:
            return gy,
        reps = (1,) * (d - len(self.reps)) + self.reps
        shape = (1,) * (d - len(self._in_shape)) + tuple(self._in_shape)
        # Interleave (rep, size) per axis, then sum over the rep axes.
        inter = []
        for r, s in zip(reps, shape):
            inter += [r, s]
        gx = F.sum(F.reshape(gy, tuple(inter)), axis=tuple(range(0, 2 * d, 2)))
        return F.reshape(gx, self._in_shape),


def tile(x, reps):
    """Constructs an array by tiling a given array.

    Args:
        x (~chainer.Variable or ndarray): Input variable. If ``x.ndim`` is
            smaller than ``len(reps)``, new leading axes of size one are
            prepended; if larger, ``reps`` is prepended with ones.
        reps (int or tuple of ints): The number of times ``x`` is replicated
            along each axis.

    Returns:
        ~chainer.Variable: The tiled output variable, with
        ``max(len(reps), x.ndim)`` dimensions.

    .. admonition:: Example

        >>> x = np.array([0, 1, 2])
        >>> F.tile(x, (2, 2)).array
        array([[0, 1, 2, 0, 1, 2],
               [0, 1, 2, 0, 1, 2]])

    """
    y, = Tile(reps).apply((x,))
    return y
