import numpy

import chainer
from chainer import functions
from chainer import testing


def test_unary(unary_check):
    # Values, dtypes, gradients, label, layouts: see conftest.unary_check.
    unary_check('expm1', numpy.expm1, (-2, 2))


def test_accurate_near_zero():
    x = numpy.array([1e-10, -1e-12], numpy.float64)
    testing.assert_allclose(functions.expm1(x).array, x, rtol=1e-9, atol=0)


def test_retains_output_only():
    y = functions.expm1(chainer.Variable(numpy.ones(2, numpy.float32)))
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()
