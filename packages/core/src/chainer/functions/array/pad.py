import numpy

from chainer import backend
from chainer.functions.array import _index_map
from chainer import function_node
from chainer.functions.math import _helpers

# Modes in which every output element copies one input element; their
# gradient is a scatter-add through an index map (v5 slices the interior for
# these too, which drops the border's share; we keep the exact gradient).
_INDEX_MODES = ('edge', 'reflect', 'symmetric', 'wrap')


class Pad(function_node.FunctionNode):

    """Pads an array (``numpy.pad`` semantics)."""

    def __init__(self, pad_width, mode, **keywords):
        # Any mode of numpy.pad is accepted, as in v5; a bad one makes
        # numpy.pad (cupy.pad) raise in forward.
        self.pad_width = pad_width
        self.mode = mode
        self.keywords = keywords

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self._in_shape = x.shape
        # Normalized (before, after) per axis, as numpy broadcasts it.
        self._widths = numpy.broadcast_to(
            numpy.asarray(self.pad_width, dtype=numpy.int64),
            (x.ndim, 2)).tolist()
        return xp.pad(x, self.pad_width, mode=self.mode, **self.keywords),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        if self.mode not in _INDEX_MODES:
            # The border is constant, or (statistic modes such as 'mean')
            # v5 takes only the interior's gradient: the slice below.
            index = tuple(slice(b, b + s)
                          for (b, _), s in zip(self._widths, self._in_shape))
            return gy[index],
        xp = backend.get_array_module(gy.array)
        idx = xp.pad(_index_map.flat_indices(xp, self._in_shape),
                     self.pad_width, mode=self.mode)
        return _index_map.IndexScatter(idx, self._in_shape).apply((gy,))


def pad(x, pad_width, mode, **keywords):
    """Pads an input variable.

    Args:
        x (~chainer.Variable or ndarray): Input float variable.
        pad_width (int or array-like): Number of values padded to the edges
            of each axis, as for :func:`numpy.pad`.
        mode (str): How the border is filled, passed to :func:`numpy.pad`
            (or ``cupy.pad``): ``'constant'`` (value given by
            ``constant_values``, default 0), ``'edge'``, ``'reflect'``,
            ``'symmetric'``, ``'wrap'``, or a statistic mode such as
            ``'mean'``. The gradient of the copy modes sums the border's
            share back into the copied elements; for the statistic modes
            only the interior passes gradient, as in v5.
        constant_values (int or array-like): Values for ``'constant'`` mode.

    Returns:
        ~chainer.Variable: Output variable.

    .. admonition:: Example

        >>> x = np.array([1., 2.], np.float32)
        >>> F.pad(x, 1, 'constant', constant_values=9).array
        array([9., 1., 2., 9.], dtype=float32)

    """
    y, = Pad(pad_width, mode, **keywords).apply((x,))
    return y
