import numpy

from chainer import functions


def test_maximum(extremum_check):
    # Values, gradients, ties, layouts, bad inputs, GPU: see
    # conftest.extremum_check.
    extremum_check(functions.maximum, numpy.maximum)
