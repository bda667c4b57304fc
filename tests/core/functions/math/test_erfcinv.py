import numpy
from scipy import special

_X_RANGE = 0.1, 1.9

# Where the numpy fallback must match SciPy to 1e-13 (or be NaN alike).
_FALLBACK_POINTS = [
    0., 1e-300, 1e-100, 1e-10, 0.1, 0.5, 1., 1.2, 1.5, 1.9, 2 - 1e-15, 2.,
    2.5, -1., numpy.nan
]


def test_erfcinv(special_unary_check):
    # SciPy and fallback paths, dtypes, gradients, label, layouts, GPU: see
    # conftest.special_unary_check.
    special_unary_check('erfcinv', special.erfcinv, _X_RANGE, _FALLBACK_POINTS)
