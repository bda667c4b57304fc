import numpy

import chainer
from chainer import functions
from chainer import gradient_check


def test_single_input():
    x = chainer.Variable(numpy.arange(3, dtype=numpy.float32))
    y = functions.identity(x)
    assert isinstance(y, chainer.Variable) and y is not x
    numpy.testing.assert_array_equal(y.array, x.array)
    y.grad = numpy.array([1, 2, 3], numpy.float32)
    y.backward()
    numpy.testing.assert_array_equal(x.grad, [1, 2, 3])


def test_several_inputs():
    a = numpy.ones((2, 3), numpy.float32)
    b = numpy.zeros((), numpy.float64)
    ya, yb = functions.identity(a, b)
    assert ya.dtype == numpy.float32 and yb.dtype == numpy.float64
    rng = numpy.random.RandomState(0)
    gradient_check.check_backward(
        functions.identity, (rng.rand(2, 3), rng.rand(4)),
        (rng.rand(2, 3), rng.rand(4)))
