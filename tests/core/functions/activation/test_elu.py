import math

import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('alpha', [1.0, 0.3])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, alpha, dtype):
    rng = numpy.random.RandomState(2)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    x[(-0.05 < x) & (x < 0.05)] = 0.5
    expected = numpy.array(
        [v if v >= 0 else alpha * (math.exp(v) - 1)
         for v in x.astype(float).ravel()]).reshape(shape)

    def f(x):
        return functions.elu(x, alpha=alpha)
    check_forward_and_grads(f, (x,), expected, rng,
                            {'atol': 1e-3, 'rtol': 1e-2})


def test_large_negative_is_finite():
    x = numpy.array([-1e4], numpy.float32)
    testing.assert_allclose(functions.elu(x).array, [-1.0])


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.elu(numpy.arange(3))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        return functions.elu(*xs)
    gpu_matches_cpu(f, inputs, rng)
