"""Lazy access to mpi4py and the numpy -> MPI datatype tables.

mpi4py is imported only when a communicator (or anything else needing MPI)
is created, so ``import chainermn`` works on machines without MPI.
"""
import numpy

_INSTALL_HINT = (
    'ChainerMN needs mpi4py and an MPI runtime. Install both with\n'
    '    pip install "chainer-distributed[mpi]" mpich\n'
    '(or install Open MPI / MPICH from your system and then '
    '"pip install mpi4py"),\n'
    'and start the script with "mpiexec -n <N> python script.py".')

# Datatypes MPI can reduce (SUM) natively, by numpy dtype code. float16 is
# missing on purpose: MPI has no standard half type, so it is reduced in
# float32 (see reduction_dtype).
_REDUCIBLE = {
    'f4': 'FLOAT', 'f8': 'DOUBLE',
    'i1': 'INT8_T', 'i2': 'INT16_T', 'i4': 'INT32_T', 'i8': 'INT64_T',
    'u1': 'UINT8_T', 'u2': 'UINT16_T', 'u4': 'UINT32_T', 'u8': 'UINT64_T',
    'c8': 'C_FLOAT_COMPLEX', 'c16': 'C_DOUBLE_COMPLEX',
}


def import_mpi():
    """Returns ``mpi4py.MPI``, or raises ImportError explaining the set-up."""
    try:
        from mpi4py import MPI
    except ImportError as e:
        raise ImportError('%s\n(original error: %s)' % (_INSTALL_HINT, e))
    return MPI


def reduction_dtype(dtype):
    """The dtype in which arrays of ``dtype`` are summed over MPI."""
    dtype = numpy.dtype(dtype)
    if dtype == numpy.float16:
        return numpy.dtype(numpy.float32)
    if dtype.str[1:] not in _REDUCIBLE:
        raise TypeError('MPI cannot sum arrays of dtype %s' % dtype)
    return dtype


def mpi_type(dtype):
    """The MPI datatype of a reducible numpy dtype."""
    dtype = numpy.dtype(dtype)
    try:
        name = _REDUCIBLE[dtype.str[1:]]
    except KeyError:
        raise TypeError('MPI cannot sum arrays of dtype %s' % dtype)
    return getattr(import_mpi(), name)


def is_mpi_comm(obj):
    """True if ``obj`` is an mpi4py communicator (without importing MPI)."""
    cls = type(obj)
    return any(c.__module__ == 'mpi4py.MPI' and c.__name__ == 'Comm'
               for c in cls.__mro__)


def synchronize(array):
    """Waits for pending GPU work on ``array`` before MPI reads it."""
    if not isinstance(array, numpy.ndarray):
        import cupy
        cupy.cuda.get_current_stream().synchronize()
