"""N-dimensional unpooling: every input cell fills its whole window."""
from chainer import function_node
from chainer.functions.connection import _common
from chainer.functions.pooling import _pool
from chainer.functions.pooling import pooling_nd


class UnpoolingND(function_node.FunctionNode):

    """Inverse of sum pooling: copies each cell into its window (adding
    where windows overlap)."""

    def __init__(self, ndim, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        self.ndim = ndim
        self.ksize, self.stride, self.pad = pooling_nd.window_params(
            ndim, ksize, stride, pad)
        self.outs = None if outsize is None else _common.as_tuple(
            outsize, ndim, 'outsize')
        self.cover_all = cover_all

    def check_type_forward(self, in_types):
        pooling_nd.check_input(in_types, self.ndim)
        if self.outs is not None:
            pooling_nd.check_outsize(in_types[0], self.outs, self.ksize,
                                     self.stride, self.pad, self.cover_all)

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        outs = self.outs
        if outs is None:
            outs = pooling_nd.unpooled_sizes(x.shape[2:], self.ksize,
                                             self.stride, self.pad,
                                             self.cover_all)
        if any(o <= 0 for o in outs):
            raise RuntimeError('Output size of unpooling should be '
                               'positive: x of shape %s gives %s'
                               % (x.shape, outs))
        self._outs = outs
        lengths = _pool.padded_lengths(outs, self.ksize, self.stride,
                                       self.pad, x.shape[2:])
        y = _pool.scatter_windows(x, self.ksize, self.stride, lengths)
        return y[_pool.inner(self.pad, outs)],

    def backward(self, indexes, grad_outputs):
        return UnpoolingNDGrad(self).apply(grad_outputs)


class UnpoolingNDGrad(pooling_nd.WindowAdjoint):

    """Sums gy over each window (the adjoint of unpooling)."""

    def forward(self, inputs):
        gy, = inputs
        p = self.pool
        ins = p._in_shape[2:]
        gpad = _pool.pad(gy, p.ksize, p.stride, p.pad, ins, 0)
        return _pool.sum_windows(gpad, p.ksize, p.stride, ins),

    def backward(self, indexes, grad_outputs):
        p = self.pool
        return UnpoolingND(p.ndim, p.ksize, p.stride, p.pad, p._outs,
                           p.cover_all).apply(grad_outputs)


def _apply(ndim, x, ksize, stride, pad, outsize, cover_all):
    y, = UnpoolingND(ndim, ksize, stride, pad, outsize,
                     cover_all).apply((x,))
    return y


def unpooling_nd(x, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
    """Inverse operation of N-dimensional spatial pooling.

    Each input cell is copied into every cell of its ``ksize`` window of
    the output (overlapping windows add up).

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c, d_1, ..., d_N)`.
        ksize (int or tuple of ints): Window size.
        stride (int, tuple of ints or None): Stride; ``None`` means
            ``ksize``.
        pad (int or tuple of ints): Padding cut from the output.
        outsize (None or tuple of ints): Output spatial size; by default
            the size that pooling with the same settings maps to ``x``.
        cover_all (bool): Must match the pooling being inverted.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c, l_1, ..., l_N)`.
    """
    return _apply(_common.spatial_ndim(x), x, ksize, stride, pad,
                  outsize, cover_all)


def unpooling_1d(x, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
    """1-dimensional unpooling; see :func:`unpooling_nd`."""
    _common.spatial_ndim(x, 1)
    return _apply(1, x, ksize, stride, pad, outsize, cover_all)


def unpooling_3d(x, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
    """3-dimensional unpooling; see :func:`unpooling_nd`."""
    _common.spatial_ndim(x, 3)
    return _apply(3, x, ksize, stride, pad, outsize, cover_all)
