"""Pure numpy special functions, used on CPU when SciPy is missing.

Everything is evaluated in float64 to (nearly) full double precision:
``erf``/``erfc``/``lgamma`` come from the :mod:`math` module elementwise,
the others from series, continued fractions and Newton iterations on them.
Edge values (poles, infinities, out-of-domain inputs) follow SciPy.
"""
import math

import numpy

_SQRT_PI = math.sqrt(math.pi)
_SQRT2 = math.sqrt(2.0)

_erf = numpy.vectorize(math.erf, otypes=[numpy.float64])
_erfc = numpy.vectorize(math.erfc, otypes=[numpy.float64])


def _f64(x):
    return numpy.asarray(x, dtype=numpy.float64)


def erf(x):
    return _erf(_f64(x))


def erfc(x):
    return _erfc(_f64(x))


def _lgamma_scalar(v):
    if v == -math.inf:
        return -math.inf  # as scipy.special.gammaln
    try:
        return math.lgamma(v)
    except ValueError:  # poles at 0, -1, -2, ...
        return math.inf


lgamma = numpy.vectorize(_lgamma_scalar, otypes=[numpy.float64])


def _erfcx_cf(x):
    """``exp(x^2) erfc(x)`` by its continued fraction, for ``x >= 5``."""
    # erfcx(x) = 1/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
    t = numpy.zeros_like(x)
    for k in range(60, 0, -1):
        t = (k / 2.0) / (x + t)
    return 1.0 / (_SQRT_PI * (x + t))


def erfcx(x):
    x = _f64(x)
    out = numpy.empty_like(x)
    big = x >= 5.0
    out[big] = _erfcx_cf(x[big])
    mid = (x >= 0) & ~big
    xm = x[mid]
    out[mid] = numpy.exp(xm * xm) * _erfc(xm)
    neg = x < 0
    if neg.any():
        xn = -x[neg]
        with numpy.errstate(over='ignore'):
            # erfcx(-x) = 2 exp(x^2) - erfcx(x); overflows to inf as SciPy.
            out[neg] = 2.0 * numpy.exp(xn * xn) - erfcx(xn)
    out[numpy.isnan(x)] = numpy.nan
    return out


def _erfinv_small(y):
    """Root of ``erf(x) = y`` for ``|y| < 0.5`` (Newton from Taylor)."""
    x = y * (_SQRT_PI / 2.0)
    for _ in range(8):
        x = x - (_erf(x) - y) * (_SQRT_PI / 2.0) * numpy.exp(x * x)
    return x


def _erfcinv_small(z):
    """Root of ``erfc(x) = z`` for ``0 < z <= 0.5``.

    Newton's method on the concave ``log erfc(x) - log z``, evaluated as
    ``log erfcx(x) - x^2`` so nothing underflows; it converges from the
    right of the root monotonically.
    """
    x = numpy.sqrt(-numpy.log(z))
    log_z = numpy.log(z)
    for _ in range(40):
        ex = erfcx(x)
        f = numpy.log(ex) - x * x - log_z
        step = f * ex * (_SQRT_PI / 2.0)
        x = x + step
        if not numpy.any(numpy.abs(step) > 1e-15 * numpy.abs(x)):
            break
    return x


def erfinv(y):
    y = _f64(y)
    out = numpy.full_like(y, numpy.nan)
    a = numpy.abs(y)
    small = a < 0.5
    out[small] = _erfinv_small(y[small])
    mid = (a >= 0.5) & (a < 1)
    # 1 - |y| is exact for |y| >= 0.5.
    out[mid] = numpy.sign(y[mid]) * _erfcinv_small(1.0 - a[mid])
    out[a == 1] = numpy.sign(y[a == 1]) * numpy.inf
    return out


def erfcinv(z):
    z = _f64(z)
    out = numpy.full_like(z, numpy.nan)
    low = (z > 0) & (z < 0.5)
    out[low] = _erfcinv_small(z[low])
    mid = (z >= 0.5) & (z <= 1.5)
    out[mid] = erfinv(1.0 - z[mid])  # exact subtraction
    high = (z > 1.5) & (z < 2)
    out[high] = -_erfcinv_small(2.0 - z[high])
    out[z == 0] = numpy.inf
    out[z == 2] = -numpy.inf
    return out


def ndtr(x):
    return 0.5 * erfc(-_f64(x) / _SQRT2)


def ndtri(p):
    return -_SQRT2 * erfcinv(2.0 * _f64(p))


def log_ndtr(x):
    x = _f64(x)
    out = numpy.empty_like(x)
    pos = x >= 0
    with numpy.errstate(divide='ignore'):
        out[pos] = numpy.log1p(-0.5 * erfc(x[pos] / _SQRT2))
        # Left tail: log(erfc(t) / 2) = log(erfcx(t) / 2) - t^2.
        t = -x[~pos] / _SQRT2
        out[~pos] = numpy.log(0.5 * erfcx(t)) - t * t
    out[numpy.isnan(x)] = numpy.nan
    return out


# Bernoulli numbers B_2, B_4, ..., B_24.
_BERNOULLI = (1 / 6., -1 / 30., 1 / 42., -1 / 30., 5 / 66., -691 / 2730.,
              7 / 6., -3617 / 510., 43867 / 798., -174611 / 330.,
              854513 / 138., -236364091 / 2730.)


def digamma(x):
    x = _f64(x)
    out = numpy.empty_like(x)
    neg = x < 0.5
    xr = numpy.where(neg, 1.0 - x, x)
    # psi(x) = psi(x + 1) - 1/x: shift up to x >= 10, then the asymptotic
    # series in 1/x^2 (Bernoulli numbers).
    acc = numpy.zeros_like(xr)
    with numpy.errstate(divide='ignore', invalid='ignore'):
        for _ in range(10):
            m = xr < 10
            if not m.any():
                break
            acc[m] -= 1.0 / xr[m]
            xr = numpy.where(m, xr + 1.0, xr)
        inv2 = 1.0 / (xr * xr)
        series = numpy.zeros_like(xr)
        for k in range(len(_BERNOULLI), 0, -1):
            series = series * inv2 + _BERNOULLI[k - 1] / (2 * k)
        out = numpy.log(xr) - 0.5 / xr - series * inv2 + acc
        # Reflection: psi(x) = psi(1 - x) - pi / tan(pi x); reduce the
        # argument of tan by its period to keep precision.
        frac = x - numpy.round(x)
        out = numpy.where(
            neg, out - math.pi / numpy.tan(math.pi * frac), out)
    pole = neg & (frac == 0)
    out[pole] = numpy.nan
    out[x == 0] = -numpy.inf
    out[x == numpy.inf] = numpy.inf
    out[numpy.isnan(x) | (x == -numpy.inf)] = numpy.nan
    return out


def _hurwitz_zeta(s, q):
    """``sum_{k >= 0} (q + k)^{-s}`` for integer-valued ``s > 1``.

    Terms are summed directly until ``q + k >= 10 + s`` (negative ``q``
    included), then the Euler-Maclaurin formula finishes the tail.
    """
    s, q = numpy.broadcast_arrays(_f64(s), _f64(q))
    s = s.copy()
    q = q.copy()
    acc = numpy.zeros_like(q)
    with numpy.errstate(divide='ignore', invalid='ignore', over='ignore'):
        while True:
            m = q < 10.0 + s
            if not m.any():
                break
            acc[m] += q[m] ** -s[m]
            q[m] += 1.0
        tail = q ** (1.0 - s) / (s - 1.0) + 0.5 * q ** -s
        # B_2j / (2j)! * s (s+1) ... (s+2j-2) * q^(-s-2j+1)
        coef = s / q ** (s + 1.0)
        fact = 2.0
        for j, b in enumerate(_BERNOULLI, 1):
            tail += b / fact * coef
            coef = coef * (s + 2 * j - 1) * (s + 2 * j) / (q * q)
            fact *= (2 * j + 1) * (2 * j + 2)
    return acc + tail


def polygamma(n, x):
    n, x = numpy.broadcast_arrays(numpy.asarray(n), _f64(x))
    out = numpy.empty(x.shape, numpy.float64)
    zero = n == 0
    out[zero] = digamma(x[zero])
    nz = ~zero
    nn = n[nz].astype(numpy.float64)
    sign = numpy.where(nn % 2 == 1, 1.0, -1.0)
    fact = numpy.vectorize(lambda k: float(math.factorial(int(k))),
                           otypes=[numpy.float64])(nn) if nn.size else nn
    out[nz] = sign * fact * _hurwitz_zeta(nn + 1.0, x[nz])
    return out
