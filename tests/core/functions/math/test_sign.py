import numpy

from chainer import functions


def test_sign(rounding_check):
    # Exact values, dtypes, no graph, layouts: see conftest.rounding_check.
    rounding_check(functions.sign, numpy.sign)
