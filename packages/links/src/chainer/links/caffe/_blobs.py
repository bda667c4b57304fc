"""Reading blobs and geometry parameters of Caffe layers.

Helpers of :class:`~chainer.links.caffe.CaffeFunction`. A Caffe file may
describe a blob by ``shape`` or, in old files, by the legacy
``num``/``channels``/``height``/``width`` fields, and a convolution or
pooling window by a single value, a repeated value or ``*_h``/``*_w``
pairs; these helpers hide the variants.
"""
import numpy


def values(blob):
    """Returns the values of a ``BlobProto`` as a flat float32 array."""
    data = blob.data
    if len(data) == 0 and len(blob.double_data) > 0:
        data = blob.double_data
    return numpy.array(data, dtype=numpy.float32)


def shape(blob):
    """Returns the shape of a ``BlobProto`` as a tuple of ints."""
    if blob.HasField('shape'):
        return tuple(int(d) for d in blob.shape.dim)
    return blob.num, blob.channels, blob.height, blob.width


def num_and_channels(blob):
    """First two axes of a 4-D (convolution) blob."""
    if blob.num > 0 or blob.channels > 0:
        return blob.num, blob.channels
    dims = blob.shape.dim
    return int(dims[0]), int(dims[1])


def matrix_shape(blob):
    """(rows, cols) of the weight blob of an inner product layer."""
    if blob.height > 0 or blob.width > 0:
        return blob.height, blob.width
    dims = tuple(blob.shape.dim)
    if len(dims) == 2:
        return int(dims[0]), int(dims[1])
    if len(dims) == 4:
        return int(dims[2]), int(dims[3])
    raise RuntimeError(
        '{}-dimentional array is not supported'.format(len(dims)))


def fill(array, data, what):
    """Copies flat ``data`` into ``array`` (a parameter or statistic)."""
    if data.size != array.size:
        raise ValueError(
            'the blob for {} has {} values, but an array of shape {} needs '
            '{}'.format(what, data.size, array.shape, array.size))
    array[...] = data.reshape(array.shape).astype(array.dtype, copy=False)


def fill_grouped(array, data, group, what):
    """Copies the weights of a grouped (de)convolution into ``array``.

    ``array`` is the weight of an ungrouped (de)convolution, whose first
    two axes are ``group`` times larger than those of one group; the
    groups go on its block diagonal and the other blocks are zero.
    """
    rows, cols = array.shape[0] // group, array.shape[1] // group
    if data.size * group != array.size:
        raise ValueError(
            'the blob for {} has {} values, but {} groups of shape {} '
            'need {}'.format(what, data.size, group,
                             (rows, cols) + array.shape[2:],
                             array.size // group))
    blocks = data.reshape((group, rows, cols) + array.shape[2:])
    array[...] = 0
    for g in range(group):
        array[g * rows:(g + 1) * rows, g * cols:(g + 1) * cols] = blocks[g]


def _has_hw(param, name):
    return param.HasField(name + '_h') or param.HasField(name + '_w')


def _single(param, field, default):
    # A scalar field (pooling) carries its own proto default; a repeated one
    # (convolution) has one value, or one per spatial axis.
    value = getattr(param, field)
    if isinstance(value, int):
        return value
    if len(value) == 0:
        return default
    return value[0] if len(value) == 1 else tuple(value)


def ksize(param):
    """Window size of a convolution or pooling parameter (0 if unset)."""
    if _has_hw(param, 'kernel'):
        return param.kernel_h, param.kernel_w
    return _single(param, 'kernel_size', 0)


def stride(param):
    """Stride of a convolution or pooling parameter (default 1)."""
    if _has_hw(param, 'stride'):
        return param.stride_h, param.stride_w
    return _single(param, 'stride', 1)


def pad(param):
    """Padding of a convolution or pooling parameter (default 0)."""
    if _has_hw(param, 'pad'):
        return param.pad_h, param.pad_w
    return _single(param, 'pad', 0)


def dilation(param):
    """Dilation of a convolution parameter (default 1)."""
    value = param.dilation
    if len(value) == 0:
        return 1
    return value[0] if len(value) == 1 else tuple(value)
