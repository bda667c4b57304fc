import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, dtype):
    rng = numpy.random.RandomState(3)
    x = rng.uniform(-4, 4, shape).astype(dtype)
    x[(numpy.abs(numpy.abs(x) - 2.5) < 0.1)] = 0.3
    expected = numpy.array(
        [0. if v < -2.5 else 1. if v > 2.5 else 0.2 * v + 0.5
         for v in x.astype(float).ravel()]).reshape(shape)
    check_forward_and_grads(functions.hard_sigmoid, (x,), expected, rng,
                            {'atol': 1e-3, 'rtol': 1e-2})


def test_example():
    x = numpy.array([-2.6, -1, 0, 1, 2.6])
    testing.assert_allclose(functions.hard_sigmoid(x).array,
                            [0., 0.3, 0.5, 0.7, 1.])


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.hard_sigmoid(numpy.arange(3))
