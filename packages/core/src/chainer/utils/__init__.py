"""Small helpers shared across chainer."""
import numpy

from chainer.utils import argument  # NOQA
from chainer.utils import array  # NOQA
from chainer.utils import imgproc  # NOQA
from chainer.utils import sparse  # NOQA
from chainer.utils import type_check  # NOQA
from chainer.utils import walker_alias  # NOQA
from chainer.utils.array import sum_to  # NOQA
from chainer.utils.conv import get_conv_outsize  # NOQA
from chainer.utils.conv import get_deconv_outsize  # NOQA
from chainer.utils.experimental import experimental  # NOQA
from chainer.utils.sparse import CooMatrix  # NOQA
from chainer.utils.sparse import get_order  # NOQA
from chainer.utils.sparse import to_coo  # NOQA
from chainer.utils.walker_alias import WalkerAlias  # NOQA


def force_array(x, dtype=None):
    """Makes sure ``x`` is an ndarray (numpy turns 0-dim results to scalars).

    Args:
        x: A numpy/cupy array or a numpy scalar.
        dtype: If given, the result is cast to this dtype.
    """
    if numpy.isscalar(x):
        if dtype is None:
            return numpy.array(x)
        return numpy.array(x, dtype)
    if dtype is None or x.dtype == dtype:
        return x
    return x.astype(dtype, copy=False)


def force_type(dtype, value):
    """Casts ``value`` (array or scalar) to ``dtype`` if it differs."""
    if numpy.isscalar(value):
        return dtype.type(value)
    if value.dtype != dtype:
        return value.astype(dtype, copy=False)
    return value


def size_of_shape(shape):
    """Number of elements of an array of the given shape (1 for ``()``)."""
    size = 1
    for s in shape:
        size *= s
    return size
