"""Helpers shared by the connection and pooling functions.

The bias gradient is a sum over all non-channel axes; its nodes live here
so that linear and the convolutions stay differentiable twice without
depending on the array-manipulation family.
"""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


def argname(in_types, names):
    """Names the inputs in type_check error messages (``x``, ``W``, ...)."""
    fn = getattr(type_check, 'argname', None) or getattr(
        type_check, '_argname', None)
    if fn is not None:
        fn(in_types, names)


def as_tuple(value, n, name='value'):
    """An int or a sequence as an n-tuple of ints, checking the length."""
    if isinstance(value, (tuple, list)):
        if len(value) != n:
            raise ValueError(
                '%s must have %d elements, got %d: %r'
                % (name, n, len(value), tuple(value)))
        return tuple(int(v) for v in value)
    return (int(value),) * n


def check_bias(in_types, x_type, out_size):
    """Type-checks the optional third input ``b``: a vector of ``out_size``
    elements with the dtype of ``x``."""
    if type_check.eval(in_types.size()) == 3:
        b_type = in_types[2]
        argname((b_type,), ('b',))
        type_check.expect(
            b_type.dtype == x_type.dtype,
            b_type.ndim == 1,
            b_type.shape[0] == out_size,
        )


def spatial_ndim(x, expected=None):
    """Number of spatial axes of a (B, C, *S) ``x`` (checks ``expected``
    for the fixed-rank 1-d/3-d variants, with v5's message)."""
    ndim = len(x.shape[2:])
    if expected is not None and ndim != expected:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            "'x' should be %d. But the actual ndim was %d."
            % (expected, ndim))
    return ndim


def apply_with_bias(node, x, W, b):
    """Applies ``node`` to ``(x, W)``, or to ``(x, W, b)`` when a bias is
    given, and returns its one output."""
    y, = node.apply((x, W) if b is None else (x, W, b))
    return y


class SumAxes(function_node.FunctionNode):

    """Sum over ``axes``; the gradient of a broadcast bias."""

    def __init__(self, axes):
        self._axes = tuple(axes)

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        return utils.force_array(x.sum(axis=self._axes), x.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return BroadcastAxes(self._in_shape, self._axes).apply((gy,))


class BroadcastAxes(function_node.FunctionNode):

    """Inverse of :class:`SumAxes`: repeats ``x`` along ``axes``."""

    def __init__(self, shape, axes):
        self._shape = tuple(shape)
        self._axes = tuple(axes)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        kept = [1 if i in self._axes else s
                for i, s in enumerate(self._shape)]
        # A real copy: a broadcast view is read-only and callers may
        # accumulate gradients into it in place.
        y = xp.empty(self._shape, x.dtype)
        y[...] = x.reshape(kept)
        return y,

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return SumAxes(self._axes).apply((gy,))


def sum_axes(x, axes):
    """Differentiable sum of ``x`` over ``axes`` (a tuple)."""
    y, = SumAxes(axes).apply((x,))
    return y


def bias_grad(gy, ndim):
    """Gradient of the bias of a convolution with ``ndim`` spatial axes:
    ``gy`` summed over the batch and spatial axes."""
    return sum_axes(gy, (0,) + tuple(range(2, ndim + 2)))
