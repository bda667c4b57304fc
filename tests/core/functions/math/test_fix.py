import numpy

from chainer import functions


def test_fix(rounding_check):
    # Exact values, dtypes, no graph, layouts: see conftest.rounding_check.
    rounding_check(functions.fix, numpy.fix)
