"""Headers and byte layouts of the ndarray-level communication API.

Every ndarray message is a small pickled header (shapes, dtypes, host or
device) followed by raw byte transfers, so any dtype can be sent, and the
receiver can allocate its buffers before the data arrives.
"""
import numpy

from chainermn import _mpi

# Segments in a packed byte buffer start at multiples of this, so that
# the typed views carved out of it are aligned for any dtype.
_ALIGN = 64


def _is_array(x):
    if isinstance(x, numpy.ndarray):
        return True
    return type(x).__module__.split('.')[0] == 'cupy' and hasattr(x, 'data')


class MessageType(object):

    """What a receiver needs to allocate the arrays of one message."""

    def __init__(self, data):
        self.is_tuple = isinstance(data, (tuple, list))
        arrays = tuple(data) if self.is_tuple else (data,)
        for a in arrays:
            if not _is_array(a):
                raise TypeError(
                    'ChainerMN communicates numpy or cupy arrays (or tuples '
                    'of them), not %s' % type(a).__name__)
        self.is_host = all(isinstance(a, numpy.ndarray) for a in arrays)
        self.narr = len(arrays)
        self.shapes = [tuple(a.shape) for a in arrays]
        self.ndims = [len(s) for s in self.shapes]
        self.dtypes = [a.dtype.str for a in arrays]

    def allocate(self):
        """Empty arrays matching this header (host or current device)."""
        xp = array_module(self.is_host)
        return [xp.empty(s, numpy.dtype(d))
                for s, d in zip(self.shapes, self.dtypes)]


def array_module(is_host):
    if is_host:
        return numpy
    try:
        import cupy
    except ImportError:
        raise RuntimeError('a GPU array was sent, but CuPy is not '
                           'available on this process')
    return cupy


def as_arrays(data):
    return tuple(data) if isinstance(data, (tuple, list)) else (data,)


def contiguous(a):
    xp = numpy if isinstance(a, numpy.ndarray) else array_module(False)
    return xp.ascontiguousarray(a)


def byte_buffer(a):
    """The mpi4py buffer spec of a contiguous array, as raw bytes."""
    _mpi.synchronize(a)
    return [a, a.nbytes, _mpi.import_mpi().BYTE]


def aligned(n):
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN


def layout(sizes):
    """Aligned byte displacements of consecutive segments, and the total."""
    displs = []
    total = 0
    for n in sizes:
        displs.append(total)
        total += aligned(n)
    return displs, total


def carve(buf, displs, shapes, dtypes):
    """Typed arrays viewing the segments of a packed byte buffer."""
    out = []
    for d, shape, dtype in zip(displs, shapes, dtypes):
        dtype = numpy.dtype(dtype)
        n = int(numpy.prod(shape, dtype=numpy.int64)) * dtype.itemsize
        out.append(buf[d:d + n].view(dtype).reshape(shape))
    return out


def pack(arrays, xp):
    """Copies arrays into one aligned byte buffer; returns it and layout."""
    sizes = [a.nbytes for a in arrays]
    displs, total = layout(sizes)
    buf = xp.empty(max(total, 1), numpy.uint8)
    for a, d, n in zip(arrays, displs, sizes):
        if n:
            buf[d:d + n] = contiguous(a).reshape(-1).view(numpy.uint8)
    return buf, sizes, displs
