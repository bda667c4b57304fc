import numpy


def test_unary(unary_check):
    # Values, dtypes, gradients, label, layouts: see conftest.unary_check.
    unary_check('square', numpy.square, (-2, 2))
