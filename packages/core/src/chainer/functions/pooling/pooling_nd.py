"""Base of the N-dimensional pooling nodes, and the window settings and
checks it shares with unpooling and upsampling."""
from chainer import function_node
from chainer.functions.connection import _common
from chainer.utils import conv
from chainer.utils import type_check


def window_params(ndim, ksize, stride, pad):
    """``(ksize, stride, pad)`` as ``ndim``-tuples; ``stride`` defaults to
    ``ksize`` (non-overlapping windows)."""
    if stride is None:
        stride = ksize
    return (_common.as_tuple(ksize, ndim, 'ksize'),
            _common.as_tuple(stride, ndim, 'stride'),
            _common.as_tuple(pad, ndim, 'pad'))


def check_input(in_types, ndim):
    """Type-checks the one input ``x``: float, with ``ndim`` spatial axes."""
    type_check.expect(in_types.size() == 1)
    x_type, = in_types
    _common.argname((x_type,), ('x',))
    type_check.expect(
        x_type.dtype.kind == 'f',
        x_type.ndim == 2 + ndim,
    )


def check_outsize(x_type, outs, ksize, stride, pad, cover_all):
    """Type-checks that pooling maps an output of spatial size ``outs``
    back to the size of ``x`` (for the inverses of pooling)."""
    for i, out in enumerate(outs):
        expected = conv.get_conv_outsize(out, ksize[i], stride[i], pad[i],
                                         cover_all=cover_all)
        type_check.expect(x_type.shape[2 + i] == expected)


def unpooled_sizes(dims, ksize, stride, pad, cover_all):
    """Default output size of an inverse of pooling on spatial ``dims``:
    the largest size that pooling maps back to ``dims``."""
    return tuple(conv.get_deconv_outsize(s, k, st, p, cover_all=cover_all)
                 for s, k, st, p in zip(dims, ksize, stride, pad))


class PoolingND(function_node.FunctionNode):

    """Pooling over the last ``ndim`` axes of a (B, C, *S) input.

    ``stride`` defaults to ``ksize`` (non-overlapping windows).
    """

    def __init__(self, ndim, ksize, stride=None, pad=0, cover_all=True):
        self.ndim = ndim
        self.ksize, self.stride, self.pad = window_params(
            ndim, ksize, stride, pad)
        self.cover_all = cover_all
        if any(k <= 0 for k in self.ksize):
            raise ValueError('ksize must be positive: %r' % (self.ksize,))
        if any(s <= 0 for s in self.stride):
            raise ValueError('stride must be positive: %r' % (self.stride,))

    def check_type_forward(self, in_types):
        check_input(in_types, self.ndim)


class WindowAdjoint(function_node.FunctionNode):

    """A node linear in its one input that moves values between the cells
    and the windows of the pooling-like node ``pool`` (a gradient or its
    adjoint); it reads the settings and saved state of ``pool``."""

    def __init__(self, pool):
        self.pool = pool
