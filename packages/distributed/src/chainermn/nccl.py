"""``cupy.cuda.nccl`` when CuPy was built with NCCL (``_available``).

Importing this module never fails; names of ``cupy.cuda.nccl`` are looked
up on first use, and raise ``RuntimeError`` when NCCL is missing.
"""
try:
    from cupy.cuda import nccl as _nccl
    # CuPy 9+ imports the module even without the NCCL library and says
    # so with ``available``.
    _available = bool(getattr(_nccl, 'available', True))
    _error = None if _available else 'cupy.cuda.nccl.available is False'
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
