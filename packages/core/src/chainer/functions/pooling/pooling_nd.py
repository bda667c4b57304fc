"""Base of the N-dimensional pooling nodes."""
from chainer import function_node
from chainer.functions.connection import _common
from chainer.utils import type_check


class PoolingND(function_node.FunctionNode):

    """Pooling over the last ``ndim`` axes of a (B, C, *S) input.

    ``stride`` defaults to ``ksize`` (non-overlapping windows).
    """

    def __init__(self, ndim, ksize, stride=None, pad=0, cover_all=True):
        if stride is None:
            stride = ksize
        self.ndim = ndim
        self.ksize = _common.as_tuple(ksize, ndim, 'ksize')
        self.stride = _common.as_tuple(stride, ndim, 'stride')
        self.pad = _common.as_tuple(pad, ndim, 'pad')
        self.cover_all = cover_all
        if any(k <= 0 for k in self.ksize):
            raise ValueError('ksize must be positive: %r' % (self.ksize,))
        if any(s <= 0 for s in self.stride):
            raise ValueError('stride must be positive: %r' % (self.stride,))

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        _common.argname((x_type,), ('x',))
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2 + self.ndim,
        )


def spatial_ndim(x, expected=None):
    """Number of spatial axes of ``x`` (checks ``expected`` if given)."""
    ndim = len(x.shape) - 2
    if expected is not None and ndim != expected:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            "'x' should be %d. But the actual ndim was %d."
            % (expected, ndim))
    return ndim
