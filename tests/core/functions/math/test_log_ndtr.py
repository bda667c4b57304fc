import numpy
from scipy import special

_X_RANGE = -4, 2  # erfcx(-x) ** 2 overflows float16 for larger x

# Where the numpy fallback must match SciPy to 1e-13 (or be NaN alike).
_FALLBACK_POINTS = [
    -1e3, -40., -10., -1., 0., 1., 10., 40., numpy.inf, -numpy.inf,
    numpy.nan
]


def test_log_ndtr(special_unary_check):
    # SciPy and fallback paths, dtypes, gradients, label, layouts, GPU: see
    # conftest.special_unary_check.
    special_unary_check('log_ndtr', special.log_ndtr, _X_RANGE,
                        _FALLBACK_POINTS)
