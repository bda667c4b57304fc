"""Base of the 2-D pooling nodes (v5 module path)."""
from chainer.functions.pooling import pooling_nd


class Pooling2D(pooling_nd.PoolingND):

    """Pooling over the last two axes of a (B, C, H, W) input."""

    def __init__(self, ksize, stride=None, pad=0, cover_all=True):
        super(Pooling2D, self).__init__(2, ksize, stride, pad, cover_all)
