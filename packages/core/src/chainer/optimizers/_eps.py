"""Shared check for ``eps`` hyperparameters that vanish in low precision."""
import functools

import numpy


@functools.lru_cache(maxsize=64)
def _vanishes(eps, dtype):
    return eps != 0 and dtype.type(eps) == 0


def check_eps(optimizer_name, eps, dtype):
    """Raises ValueError when ``eps`` rounds to zero in ``dtype``.

    A positive ``eps`` that becomes 0 (e.g. ``1e-8`` in float16) would turn
    ``grad / (sqrt(v) + eps)`` into a division by zero.
    """
    dtype = numpy.dtype(dtype)
    if _vanishes(eps, dtype):
        raise ValueError(
            'eps of {} optimizer is too small for {} ({}); use a larger eps '
            'or use_fp32_update()'.format(optimizer_name, dtype.name, eps))
