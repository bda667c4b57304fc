"""Spatial pyramid pooling: fixed-length features from any image size."""
import warnings

import chainer.functions
from chainer.functions.pooling import max_pooling_nd


def spatial_pyramid_pooling_2d(x, pyramid_height, pooling_class=None,
                               pooling=None):
    """Spatial pyramid pooling function.

    Level :math:`i` (from 0) max-pools ``x`` into a :math:`2^i \\times
    2^i` grid with kernel :math:`k^{(i)} = \\lceil b / 2^i \\rceil` (per
    axis, :math:`b` the input size), stride :math:`k^{(i)}` and padding
    :math:`\\lfloor (2^i k^{(i)} - b) / 2 \\rfloor`; all levels are
    flattened and concatenated.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c, h, w)`.
        pyramid_height (int): Number of pyramid levels :math:`H`.
        pooling_class: Deprecated; only
            :class:`~chainer.functions.pooling.max_pooling_2d.MaxPooling2D`
            is supported.  Use ``pooling`` instead.
        pooling (str): ``'max'``, the only supported pooling.

    Returns:
        ~chainer.Variable: Output of shape
        :math:`(n, c \\sum_{i=0}^{H-1} 4^i, 1, 1)`.
    """
    if pooling_class is not None:
        warnings.warn('pooling_class argument is deprecated. Please use '
                      'pooling argument.', DeprecationWarning)
    if (pooling_class is None) == (pooling is None):
        raise ValueError('Specify one of pooling_class and pooling.')
    if pooling_class is not None and not issubclass(
            pooling_class, max_pooling_nd.MaxPoolingND):
        raise ValueError('Unsupported pooling_class: %r' % (pooling_class,))
    if pooling is not None and pooling != 'max':
        raise ValueError('Unsupported pooling operation: %r (only "max")'
                         % (pooling,))
    n, c, h, w = x.shape
    F = chainer.functions
    ys = []
    for level in range(pyramid_height):
        bins = 2 ** level
        ksize = (-(-h // bins), -(-w // bins))
        pad = ((ksize[0] * bins - h) // 2, (ksize[1] * bins - w) // 2)
        y = max_pooling_nd._apply(2, x, ksize, ksize, pad, True, False)
        ys.append(F.reshape(y, (n, -1, 1, 1)))
    return F.concat(ys, axis=1)
