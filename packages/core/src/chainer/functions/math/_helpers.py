"""Private helpers shared by the mathematical functions."""
import numbers

from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


def argname(in_types, names):
    """Names inputs so type errors say ``x`` instead of ``in_types[0]``."""
    namer = getattr(type_check, 'argname', None) or getattr(
        type_check, '_argname', None)
    if namer is not None:
        namer(in_types, names)


def check_float_inputs(in_types, names, same_dtype=True, same_shape=False):
    """Checks the count and float kind of inputs (and equal dtypes/shapes)."""
    argname(in_types, names)
    type_check.expect(in_types.size() == len(names))
    first = in_types[0]
    type_check.expect(first.dtype.kind == 'f')
    for t in in_types[1:]:
        if same_dtype:
            type_check.expect(t.dtype == first.dtype)
        else:
            type_check.expect(t.dtype.kind == 'f')
        if same_shape:
            type_check.expect(t.shape == first.shape)


class UnaryElementwise(function_node.FunctionNode):

    """``xp.<_name>(x)`` of one float input; subclasses write ``backward``.

    ``_name`` is both the array-module function and the label. The input is
    kept for backward, or only the output where ``_retain_output`` is set
    (for ops whose derivative is a function of the output, like exp).
    """

    _name = None
    _retain_output = False

    @property
    def label(self):
        return self._name

    def check_type_forward(self, in_types):
        check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        if self._retain_output:
            self.retain_outputs((0,))
        else:
            self.retain_inputs((0,))
        return utils.force_array(getattr(xp, self._name)(x)),


def normalize_axis(axis):
    """Validates a reduction axis as v5 does; returns None or a tuple."""
    if axis is None:
        return None
    if _is_int(axis):
        return (int(axis),)
    if isinstance(axis, tuple) and all(_is_int(a) for a in axis):
        if len(set(axis)) != len(axis):
            raise ValueError('duplicate value in axis: ({})'.format(
                ', '.join(map(str, axis))))
        return tuple(int(a) for a in axis)
    raise TypeError('None, int or tuple of int are required')


def check_axis(x_type, axis):
    """Type-checks that every axis in ``axis`` (None or tuple) is in range."""
    if axis is None:
        return
    for a in axis:
        if a >= 0:
            type_check.expect(a < x_type.ndim)
        else:
            type_check.expect(-a - 1 < x_type.ndim)


def reduced_shape_keepdims(in_shape, axis):
    """Shape of a reduction's output with the reduced axes kept as 1."""
    ndim = len(in_shape)
    if axis is None:
        return (1,) * ndim
    axes = {a % ndim for a in axis} if ndim else set()
    return tuple(1 if i in axes else d for i, d in enumerate(in_shape))


def sum_to_shape(g, shape):
    """Sums a Variable ``g`` down to ``shape`` (undoes numpy broadcasting)."""
    shape = tuple(shape)
    if g.shape == shape:
        return g
    import chainer.functions
    lead = g.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, d in enumerate(shape)
        if d == 1 and g.shape[lead + i] != 1)
    g = chainer.functions.sum(g, axis=axes, keepdims=True)
    return chainer.functions.reshape(g, shape)


def _is_int(a):
    # numpy integers are accepted too (v5 accepts anything int-like).
    return isinstance(a, numbers.Integral)
