import numpy
from scipy import special

_X_RANGE = -2, 2

# Where the numpy fallback must match SciPy to 1e-13 (or be NaN alike).
_FALLBACK_POINTS = [
    -26., -3., -0.5, 0., 0.3, 2., 4.99, 5., 6., 30., 1e10, 1e300,
    numpy.inf, numpy.nan
]


def test_erfcx(special_unary_check):
    # SciPy and fallback paths, dtypes, gradients, label, layouts, GPU: see
    # conftest.special_unary_check.
    special_unary_check('erfcx', special.erfcx, _X_RANGE, _FALLBACK_POINTS)
