import numpy
from scipy import special

_X_RANGE = -0.9, 0.9

# Where the numpy fallback must match SciPy to 1e-13 (or be NaN alike).
_FALLBACK_POINTS = [
    -1., -0.999999, -0.5, -1e-300, 0., 1e-8, 0.3, 0.49, 0.5, 0.9, 1 -
    1e-15, 1., 1.5, numpy.nan
]


def test_erfinv(special_unary_check):
    # SciPy and fallback paths, dtypes, gradients, label, layouts, GPU: see
    # conftest.special_unary_check.
    special_unary_check('erfinv', special.erfinv, _X_RANGE, _FALLBACK_POINTS)
