import numpy

from chainer import functions


def test_floor(rounding_check):
    # Exact values, dtypes, no graph, layouts: see conftest.rounding_check.
    rounding_check(functions.floor, numpy.floor)
