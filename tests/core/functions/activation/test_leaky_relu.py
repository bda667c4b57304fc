import numpy
import pytest

import chainer
from chainer import functions
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('slope', [0.2, 0.0, -0.5])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, slope, dtype):
    rng = numpy.random.RandomState(4)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    x[(-0.05 < x) & (x < 0.05)] = 0.5
    expected = numpy.where(x >= 0, x.astype(float), slope * x)

    def f(x):
        return functions.leaky_relu(x, slope=slope)
    check_forward_and_grads(f, (x,), expected, rng,
                            {'atol': 1e-3, 'rtol': 1e-2})


def test_retains_output_for_nonnegative_slope():
    x = chainer.Variable(numpy.array([1., -1.], numpy.float32))
    y = functions.leaky_relu(x)
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.leaky_relu(numpy.arange(3))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        return functions.leaky_relu(*xs)
    gpu_matches_cpu(f, inputs, rng)
