"""N-dimensional max pooling and its gradient nodes."""
import numpy

from chainer import backend
from chainer.functions.connection import _common
from chainer.functions.pooling import _pool
from chainer.functions.pooling import pooling_nd


class MaxPoolingND(pooling_nd.PoolingND):

    """Max over windows; remembers the flat kernel index of each max."""

    def __init__(self, ndim, ksize, stride=None, pad=0, cover_all=True,
                 return_indices=False):
        super(MaxPoolingND, self).__init__(ndim, ksize, stride, pad,
                                           cover_all)
        self.return_indices = return_indices
        self._indexes = None
        self._cudnn_io = None

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        outs = _pool.out_sizes(x.shape[2:], self.ksize, self.stride,
                               self.pad, self.cover_all, x.shape)
        if not self.return_indices and _pool.use_cudnn(
                x, self.ndim, self.cover_all):
            y = _pool.cudnn_forward(x, self.ksize, self.stride, self.pad,
                                    outs, 'max')
            # Indexes are found again only if double backprop needs them.
            self._cudnn_io = (x, y)
            return y,
        y, self._indexes = self._argmax(x, outs)
        return y,

    def _argmax(self, x, outs):
        xpad = _pool.pad(x, self.ksize, self.stride, self.pad, outs,
                         -numpy.inf)
        return _pool.max_windows(xpad, self.ksize, self.stride, outs)

    @property
    def indexes(self):
        """Flat kernel index of the max of each window."""
        if self._indexes is None and self._cudnn_io is not None:
            x, y = self._cudnn_io
            self._indexes = self._argmax(x, y.shape[2:])[1]
        return self._indexes

    def backward(self, indexes, grad_outputs):
        return MaxPoolingNDGrad(self).apply(grad_outputs)


class MaxPoolingNDGrad(pooling_nd.WindowAdjoint):

    """Routes gy to the argmax cell of each window."""

    def forward(self, inputs):
        gy, = inputs
        p = self.pool
        if p._cudnn_io is not None:
            x, y = p._cudnn_io
            return _pool.cudnn_backward(x, y, gy, p.ksize, p.stride, p.pad,
                                        'max'),
        dims = p._in_shape[2:]
        lengths = _pool.padded_lengths(dims, p.ksize, p.stride, p.pad,
                                       gy.shape[2:])
        gx = _pool.scatter_max(gy, p.indexes, p.ksize, p.stride, lengths)
        return gx[_pool.inner(p.pad, dims)],

    def backward(self, indexes, grad_outputs):
        return MaxPoolingNDWithIndexes(self.pool).apply(grad_outputs)


class MaxPoolingNDWithIndexes(pooling_nd.WindowAdjoint):

    """Picks the cells chosen by an earlier max pooling (its adjoint is
    :class:`MaxPoolingNDGrad`)."""

    def forward(self, inputs):
        x, = inputs
        p = self.pool
        xpad = _pool.pad(x, p.ksize, p.stride, p.pad,
                         p.indexes.shape[2:], 0)
        return _pool.gather_max(xpad, p.indexes, p.ksize, p.stride),

    def backward(self, indexes, grad_outputs):
        return MaxPoolingNDGrad(self.pool).apply(grad_outputs)


def _indexes_out(func):
    idx = func.indexes
    if backend.get_array_module(idx) is numpy:
        # v5 returns argmax results, which are of the platform int type.
        return idx.astype(numpy.intp)
    # v5's CUDA kernels produce int32 indexes.
    return idx.astype(numpy.int32)


def _apply(ndim, x, ksize, stride, pad, cover_all, return_indices):
    func = MaxPoolingND(ndim, ksize, stride, pad, cover_all, return_indices)
    y, = func.apply((x,))
    if return_indices:
        return y, _indexes_out(func)
    return y


def max_pooling_nd(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """N-dimensionally spatial max pooling function.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c, d_1, ..., d_N)`.
        ksize (int or tuple of ints): Window size.
        stride (int, tuple of ints or None): Stride; ``None`` means
            ``ksize``.
        pad (int or tuple of ints): Padding (with :math:`-\\infty`).
        cover_all (bool): If ``True``, every input cell is in some window
            (the output may get one extra cell per axis).
        return_indices (bool): If ``True``, also return the flat index
            within the window of each maximum, an array of the output's
            shape (usable by :func:`upsampling_2d`).

    Returns:
        ~chainer.Variable or tuple: The pooled output, and the indices if
        ``return_indices`` is ``True``.
    """
    ndim = _common.spatial_ndim(x)
    return _apply(ndim, x, ksize, stride, pad, cover_all, return_indices)


def max_pooling_1d(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """1-dimensional max pooling; see :func:`max_pooling_nd`."""
    _common.spatial_ndim(x, 1)
    return _apply(1, x, ksize, stride, pad, cover_all, return_indices)


def max_pooling_3d(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """3-dimensional max pooling; see :func:`max_pooling_nd`."""
    _common.spatial_ndim(x, 3)
    return _apply(3, x, ksize, stride, pad, cover_all, return_indices)
