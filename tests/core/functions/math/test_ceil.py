import numpy

from chainer import functions


def test_ceil(rounding_check):
    # Exact values, dtypes, no graph, layouts: see conftest.rounding_check.
    rounding_check(functions.ceil, numpy.ceil)
