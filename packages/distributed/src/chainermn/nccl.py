"""``cupy.cuda.nccl`` when CuPy was built with NCCL (``_available``).

Importing this module never fails; names of ``cupy.cuda.nccl`` are looked
up on first use, and raise ``RuntimeError`` when NCCL is missing.
"""
try:
    from cupy.cuda import nccl as _nccl
    _available = True
    _error = None
except Exception as e:  # no CuPy, or CuPy without NCCL
    _nccl = None
    _available = False
    _error = e


def __getattr__(name):
    if name.startswith('__'):
        raise AttributeError(name)
    if not _available:
        raise RuntimeError('NCCL is not available: CuPy with NCCL support '
                           'is needed (%s)' % _error)
    return getattr(_nccl, name)
