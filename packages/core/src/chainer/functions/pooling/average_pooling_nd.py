"""N-dimensional average pooling and its gradient node."""
from chainer import backend
from chainer.functions.connection import _common
from chainer.functions.pooling import _pool
from chainer.functions.pooling import pooling_nd
from chainer import utils


class AveragePoolingND(pooling_nd.PoolingND):

    """Mean over windows.

    With ``pad_value=0`` padded cells count as zeros and every window is
    divided by ``prod(ksize)``; with ``pad_value=None`` they are left out.
    """

    def __init__(self, ndim, ksize, stride=None, pad=0, cover_all=False,
                 pad_value=0):
        if pad_value not in (0, None):
            raise ValueError('pad_value must be either 0 or None, not %r.'
                             % (pad_value,))
        super(AveragePoolingND, self).__init__(ndim, ksize, stride, pad,
                                               cover_all)
        self.pad_value = pad_value

    def _divisor(self, dims, outs, dtype, xp):
        if self.pad_value is None:
            return _pool.valid_counts(dims, self.ksize, self.stride,
                                      self.pad, outs, dtype, xp)
        return dtype.type(utils.size_of_shape(self.ksize))

    def _cudnn_kind(self):
        return 'avg_include' if self.pad_value == 0 else 'avg_exclude'

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self._in_shape = x.shape
        outs = _pool.out_sizes(x.shape[2:], self.ksize, self.stride,
                               self.pad, self.cover_all, x.shape)
        self._cudnn = _pool.use_cudnn(x, self.ndim, self.cover_all)
        if self._cudnn:
            return _pool.cudnn_forward(x, self.ksize, self.stride, self.pad,
                                       outs, self._cudnn_kind()),
        xpad = _pool.pad(x, self.ksize, self.stride, self.pad, outs, 0)
        y = _pool.sum_windows(xpad, self.ksize, self.stride, outs)
        y /= self._divisor(x.shape[2:], outs, x.dtype, xp)
        return y,

    def backward(self, indexes, grad_outputs):
        return AveragePoolingNDGrad(self).apply(grad_outputs)


class AveragePoolingNDGrad(pooling_nd.WindowAdjoint):

    """Spreads gy evenly over each window (adjoint of the pooling)."""

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        p = self.pool
        if p._cudnn:
            # Averaging reads neither x nor y; cuDNN only needs their shapes.
            x = xp.empty(p._in_shape, gy.dtype)
            return _pool.cudnn_backward(x, gy, gy, p.ksize, p.stride, p.pad,
                                        p._cudnn_kind()),
        dims = p._in_shape[2:]
        outs = gy.shape[2:]
        g = gy / p._divisor(dims, outs, gy.dtype, xp)
        lengths = _pool.padded_lengths(dims, p.ksize, p.stride, p.pad, outs)
        gx = _pool.scatter_windows(g, p.ksize, p.stride, lengths)
        return gx[_pool.inner(p.pad, dims)],

    def backward(self, indexes, grad_outputs):
        p = self.pool
        return AveragePoolingND(p.ndim, p.ksize, p.stride, p.pad,
                                p.cover_all, p.pad_value).apply(grad_outputs)


def _apply(ndim, x, ksize, stride, pad, pad_value):
    y, = AveragePoolingND(ndim, ksize, stride, pad, False,
                          pad_value).apply((x,))
    return y


def average_pooling_nd(x, ksize, stride=None, pad=0, pad_value=0):
    """N-dimensionally spatial average pooling function.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c, d_1, ..., d_N)`.
        ksize (int or tuple of ints): Window size.
        stride (int, tuple of ints or None): Stride; ``None`` means
            ``ksize``.
        pad (int or tuple of ints): Padding on both sides.
        pad_value (0 or None): With ``0`` padded cells count as zeros
            (averages near the border are biased towards zero); with
            ``None`` they are excluded from each average.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c, l_1, ..., l_N)`.
    """
    return _apply(_common.spatial_ndim(x), x, ksize, stride, pad,
                  pad_value)


def average_pooling_1d(x, ksize, stride=None, pad=0, pad_value=0):
    """1-dimensional average pooling; see :func:`average_pooling_nd`."""
    _common.spatial_ndim(x, 1)
    return _apply(1, x, ksize, stride, pad, pad_value)


def average_pooling_3d(x, ksize, stride=None, pad=0, pad_value=0):
    """3-dimensional average pooling; see :func:`average_pooling_nd`."""
    _common.spatial_ndim(x, 3)
    return _apply(3, x, ksize, stride, pad, pad_value)
