import unittest

import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing
from chainer.utils import type_check


@testing.unary_math_function_unittest(functions.tanh)
class TestTanhUnary(unittest.TestCase):
    pass


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, dtype):
    rng = numpy.random.RandomState(2)
    x = rng.uniform(-3, 3, shape).astype(dtype)
    check_forward_and_grads(functions.tanh, (x,),
                            numpy.tanh(x.astype(numpy.float64)), rng,
                            {'atol': 1e-3, 'rtol': 1e-2})


def test_docstring_example_values():
    y = functions.tanh(numpy.array([-1., 1., 3.], numpy.float32))
    testing.assert_allclose(y.array, [-0.7615942, 0.7615942, 0.9950548])


def test_large_inputs_saturate():
    x = numpy.array([-1e4, 1e4], numpy.float16)
    testing.assert_allclose(functions.tanh(x).array, [-1, 1], rtol=0)


def test_gradient_from_output():
    x = chainer.Variable(numpy.array([0.5, -2.], numpy.float32))
    y = functions.tanh(x)
    assert y.creator.label == 'tanh'
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()
    y.grad = numpy.ones(2, numpy.float32)
    y.backward()
    testing.assert_allclose(x.grad, 1 - numpy.tanh(x.array) ** 2)


def test_non_contiguous():
    x = numpy.linspace(-3, 3, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.tanh(x).array, numpy.tanh(x))


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.tanh(numpy.arange(3))
