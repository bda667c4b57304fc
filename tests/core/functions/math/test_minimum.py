import numpy

from chainer import functions


def test_minimum(extremum_check):
    # Values, gradients, ties, layouts, bad inputs, GPU: see
    # conftest.extremum_check.
    extremum_check(functions.minimum, numpy.minimum)
