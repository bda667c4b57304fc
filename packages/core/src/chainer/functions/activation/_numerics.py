"""exp/log with the rounding Chainer v5 had on CPU.

numpy's SIMD float16/float32 ``exp`` and ``log`` may be one ulp off the
correctly rounded value; v5 (numpy 1.x) was not, and its printed results
differ. Computing in float64 and rounding once restores them.
"""
import numpy


def exp(xp, x):
    if xp is numpy and x.dtype != numpy.float64:
        return numpy.exp(x, dtype=numpy.float64).astype(x.dtype)
    return xp.exp(x)


def log(xp, x):
    if xp is numpy and x.dtype != numpy.float64:
        return numpy.log(x, dtype=numpy.float64).astype(x.dtype)
    return xp.log(x)
