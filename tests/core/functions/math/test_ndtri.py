import numpy
from scipy import special

_X_RANGE = 0.05, 0.95

# Where the numpy fallback must match SciPy to 1e-13 (or be NaN alike).
_FALLBACK_POINTS = [
    0., 1e-300, 1e-20, 0.01, 0.25, 0.5, 0.75, 0.99, 1., 1.5, numpy.nan
]


def test_ndtri(special_unary_check):
    # SciPy and fallback paths, dtypes, gradients, label, layouts, GPU: see
    # conftest.special_unary_check.
    special_unary_check('ndtri', special.ndtri, _X_RANGE, _FALLBACK_POINTS)
