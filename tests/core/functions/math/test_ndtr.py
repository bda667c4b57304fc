import numpy
from scipy import special

_X_RANGE = -3, 3

# Where the numpy fallback must match SciPy to 1e-13 (or be NaN alike).
_FALLBACK_POINTS = [
    -40., -10., -1., 0., 0.5, 3., 10., numpy.inf, -numpy.inf, numpy.nan
]


def test_ndtr(special_unary_check):
    # SciPy and fallback paths, dtypes, gradients, label, layouts, GPU: see
    # conftest.special_unary_check.
    special_unary_check('ndtr', special.ndtr, _X_RANGE, _FALLBACK_POINTS)
