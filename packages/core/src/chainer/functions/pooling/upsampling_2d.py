"""Upsampling with the indexes of a max pooling."""
from chainer.functions.pooling import _pool
from chainer.functions.pooling import pooling_2d
from chainer.functions.pooling import pooling_nd
from chainer.utils import type_check


class Upsampling2D(pooling_2d.Pooling2D):

    """Puts each input pixel at the window cell ``indexes`` chose."""

    def __init__(self, indexes, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        super(Upsampling2D, self).__init__(ksize, stride, pad, cover_all)
        self.indexes = indexes
        self.outs = None if outsize is None else tuple(outsize)

    def check_type_forward(self, in_types):
        super(Upsampling2D, self).check_type_forward(in_types)
        x_type, = in_types
        type_check.expect(x_type.shape == self.indexes.shape)
        if self.outs is not None:
            pooling_nd.check_outsize(x_type, self.outs, self.ksize,
                                     self.stride, self.pad, self.cover_all)

    def forward(self, inputs):
        x, = inputs
        outs = self.outs
        if outs is None:
            outs = pooling_nd.unpooled_sizes(x.shape[2:], self.ksize,
                                             self.stride, self.pad,
                                             self.cover_all)
        self._outs = outs
        lengths = _pool.padded_lengths(outs, self.ksize, self.stride,
                                       self.pad, x.shape[2:])
        y = _pool.scatter_max(x, self.indexes, self.ksize, self.stride,
                              lengths)
        return y[_pool.inner(self.pad, outs)],

    def backward(self, indexes, grad_outputs):
        return Upsampling2DGrad(self).apply(grad_outputs)


class Upsampling2DGrad(pooling_nd.WindowAdjoint):

    """Reads back the cells that :class:`Upsampling2D` wrote."""

    def forward(self, inputs):
        gy, = inputs
        up = self.pool
        gpad = _pool.pad(gy, up.ksize, up.stride, up.pad,
                         up.indexes.shape[2:], 0)
        return _pool.gather_max(gpad, up.indexes, up.ksize, up.stride),

    def backward(self, indexes, grad_outputs):
        up = self.pool
        return Upsampling2D(up.indexes, up.ksize, up.stride, up.pad,
                            up._outs, up.cover_all).apply(grad_outputs)


def upsampling_2d(x, indexes, ksize, stride=None, pad=0, outsize=None,
                  cover_all=True):
    """Upsampling using pooling indices.

    The inverse of :func:`max_pooling_2d`: each input pixel is written to
    the position in its window given by ``indexes`` (as returned by
    ``max_pooling_2d(..., return_indices=True)``); other pixels are zero.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c, h, w)`.
        indexes (ndarray): Flat window indices of ``x``'s shape.
        ksize (int or pair of ints): Window size of the pooling.
        stride (int, pair of ints or None): Its stride (``None``:
            ``ksize``).
        pad (int or pair of ints): Its padding.
        outsize (None or pair of ints): Output size ``(h_O, w_O)``.
        cover_all (bool): Its ``cover_all``.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c, h_O, w_O)`.
    """
    y, = Upsampling2D(indexes, ksize, stride, pad, outsize,
                      cover_all).apply((x,))
    return y
