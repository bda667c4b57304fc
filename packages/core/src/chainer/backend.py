"""Backend-neutral array helpers (``chainer.backend``)."""
import numpy

from chainer.backends import cuda


def get_array_module(*args):
    """Returns ``numpy`` or ``cupy`` for the given arrays or Variables.

    ``cupy`` is returned when any argument is a CuPy array (or a Variable
    holding one); otherwise ``numpy``. Use the result as ``xp`` to write code
    that runs on both CPU and GPU.
    """
    if cuda.available:
        arrays = []
        for arg in args:
            array = getattr(arg, '_data', arg)  # unwrap chainer.Variable
            arrays.append(array)
        return cuda.cupy.get_array_module(*arrays)
    return numpy


def copyto(dst, src):
    """Copies ``src`` into ``dst`` across devices (numpy and cupy arrays).

    Args:
        dst: Destination numpy or cupy array.
        src: Source array (or scalar) of a broadcastable shape.
    """
    if isinstance(dst, numpy.ndarray):
        numpy.copyto(dst, cuda.to_cpu(src))
    elif isinstance(dst, cuda.ndarray):
        if isinstance(src, numpy.ndarray) or numpy.isscalar(src):
            if isinstance(src, numpy.ndarray) and src.flags.c_contiguous \
                    and dst.flags.c_contiguous and dst.shape == src.shape:
                dst.set(src)
            else:
                cuda.cupy.copyto(dst, cuda.cupy.asarray(src))
        elif isinstance(src, cuda.ndarray):
            with cuda.get_device_from_array(dst):
                cuda.cupy.copyto(dst, src)
        else:
            raise TypeError('cannot copy from non-array object of type %s'
                            % type(src))
    else:
        raise TypeError('cannot copy to non-array object of type %s'
                        % type(dst))
