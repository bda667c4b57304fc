import numpy

from chainer import functions
from chainer import testing


def test_unary(unary_check):
    # Values, dtypes, gradients, label, layouts: see conftest.unary_check.
    unary_check('log1p', numpy.log1p, (-0.5, 2))


def test_accurate_near_zero():
    x = numpy.array([1e-10, -1e-12], numpy.float64)
    testing.assert_allclose(functions.log1p(x).array, x, rtol=1e-9, atol=0)
