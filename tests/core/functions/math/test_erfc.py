import numpy
from scipy import special

_X_RANGE = -2, 2

# Where the numpy fallback must match SciPy to 1e-13 (or be NaN alike).
_FALLBACK_POINTS = [
    -30., -3., -0.5, 0., 1e-10, 0.3, 2., 6., 26., 30., numpy.inf, numpy.nan
]


def test_erfc(special_unary_check):
    # SciPy and fallback paths, dtypes, gradients, label, layouts, GPU: see
    # conftest.special_unary_check.
    special_unary_check('erfc', special.erfc, _X_RANGE, _FALLBACK_POINTS)
