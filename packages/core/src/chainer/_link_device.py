"""Device transfer of a link's persistent values (helpers of ``Link``)."""
import numpy

from chainer.backends import cuda
from chainer.backends import intel64


def persistent_to_cpu(value):
    """Returns ``value`` as a host array if it is a device array."""
    if isinstance(value, cuda.ndarray):
        return cuda.to_cpu(value)
    if isinstance(value, intel64.mdarray):
        return numpy.array(value)
    return value


def persistent_to_gpu(value):
    """Returns ``value`` on the current GPU if it is a host array.

    Scalars and other objects are left alone, as in v5.
    """
    if isinstance(value, intel64.mdarray):
        value = numpy.array(value)
    if isinstance(value, (numpy.ndarray, cuda.ndarray)):
        return cuda.to_gpu(value)
    return value


def persistent_to_intel64(value):
    """Returns ``value`` as an iDeep array where iDeep supports its ndim."""
    if isinstance(value, cuda.ndarray):
        value = cuda.to_cpu(value)
    if isinstance(value, numpy.ndarray) and value.ndim in (1, 2, 4):
        return intel64.ideep.array(value, itype=intel64.ideep.wgt_array)
    return value


def copy_persistent(dst, src):
    """Returns the value to store when copying persistent ``src`` over ``dst``.

    When both are arrays, ``src`` is copied element-wise into ``dst``
    (across devices), so the destination keeps its device and identity;
    otherwise (e.g. ``None`` on either side, or a scalar) ``src`` is
    deep-copied, as v5 does.
    """
    import copy

    from chainer import backend

    types = (numpy.ndarray, cuda.ndarray, intel64.mdarray)
    if isinstance(dst, types) and isinstance(src, types):
        if isinstance(dst, intel64.mdarray):
            dst = numpy.array(dst)
        backend.copyto(dst, src)
        return dst
    return copy.deepcopy(src)
