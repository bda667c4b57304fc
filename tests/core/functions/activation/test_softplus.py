import math

import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


def _ref(x, beta):
    return numpy.array([math.log1p(math.exp(beta * v)) / beta
                        for v in x.astype(float).ravel()]).reshape(x.shape)


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('beta', [1.0, 2.5])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, beta, dtype):
    rng = numpy.random.RandomState(6)
    x = rng.uniform(-2, 2, shape).astype(dtype)

    def f(x):
        return functions.softplus(x, beta=beta)
    check_forward_and_grads(f, (x,), _ref(x, beta), rng,
                            {'atol': 1e-2, 'rtol': 1e-2})


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_large_inputs_are_stable(dtype):
    x = numpy.array([-1e4, -50, 50, 1e4], dtype)
    with numpy.errstate(over='raise'):
        y = functions.softplus(x).array
    assert numpy.all(numpy.isfinite(y))
    testing.assert_allclose(y, [0, math.exp(-50), 50, 1e4], rtol=1e-3)


def test_example():
    x = numpy.array([-2., 0., 2.], numpy.float32)
    testing.assert_allclose(functions.softplus(x).array,
                            [0.126928, 0.6931472, 2.126928])


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.softplus(numpy.arange(3))
