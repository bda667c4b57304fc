"""Private dense linear-algebra helpers for det and inv."""
import numpy

from chainer import backend


def _work_dtype(a):
    # LAPACK has no half precision: work in float32 and cast back.
    return numpy.float32 if a.dtype == numpy.float16 else a.dtype


def det(a):
    """Determinants of a stack of square matrices, in the dtype of ``a``."""
    xp = backend.get_array_module(a)
    y = xp.linalg.det(a.astype(_work_dtype(a), copy=False))
    return xp.asarray(y, dtype=a.dtype)


def inv(a):
    """Inverses of a stack of square matrices; ValueError when singular."""
    xp = backend.get_array_module(a)
    work = a.astype(_work_dtype(a), copy=False)
    try:
        y = xp.linalg.inv(work)
    except numpy.linalg.LinAlgError as e:
        raise ValueError('Input has singular matrices.') from e
    if xp is not numpy and not bool(xp.isfinite(y).all()):
        # cuSOLVER reports singular inputs through inf/nan, not errors.
        raise ValueError('Input has singular matrices.')
    return y.astype(a.dtype, copy=False)
