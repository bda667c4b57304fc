import numpy
from scipy import special

_X_RANGE = 0.5, 4

# Where the numpy fallback must match SciPy to 1e-13 (or be NaN alike).
_FALLBACK_POINTS = [
    -2.5, -0.5, 1e-8, 0.1, 1., 2.5, 10., 1e5, 1e10, numpy.inf
]


def test_digamma(special_unary_check):
    # SciPy and fallback paths, dtypes, gradients, label, layouts, GPU: see
    # conftest.special_unary_check.
    special_unary_check('digamma', special.psi, _X_RANGE, _FALLBACK_POINTS,
                        fallback_atol=1e-15)
