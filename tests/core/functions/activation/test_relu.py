import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


def _x(shape, dtype, rng):
    x = rng.uniform(-1, 1, shape).astype(dtype)
    # Keep away from the kink at 0, where the numerical gradient is wrong.
    x[(-0.1 < x) & (x < 0.1)] = 0.5
    return x


@pytest.mark.parametrize('shape', [(3, 4), (), (5,), (0, 3)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, dtype):
    rng = numpy.random.RandomState(0)
    x = _x(shape, dtype, rng)
    y = check_forward_and_grads(functions.relu, (x,),
                                numpy.where(x > 0, x, 0), rng,
                                {'atol': 1e-3, 'rtol': 1e-3}, exact=True)
    assert isinstance(y.array, numpy.ndarray)


def test_gradient_values():
    x = chainer.Variable(numpy.array([-1., 2., -3., 4.], numpy.float32))
    y = functions.relu(x)
    y.grad = numpy.array([1., 2., 3., 4.], numpy.float32)
    y.backward()
    testing.assert_allclose(x.grad, [0, 2, 0, 4])


def test_non_contiguous():
    x = _x((4, 6), numpy.float32, numpy.random.RandomState(0))
    x = x[:, ::2]
    testing.assert_allclose(functions.relu(x).array, numpy.maximum(x, 0))


def test_retains_output_not_input():
    x = chainer.Variable(numpy.array([1., -1.], numpy.float32))
    y = functions.relu(x)
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.relu(numpy.arange(3))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        return functions.relu(*xs)
    gpu_matches_cpu(f, inputs, rng)
