import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


def _ref(x):
    x = numpy.asarray(x, numpy.float64)
    return 1 / (1 + numpy.exp(-x))


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, dtype):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-3, 3, shape).astype(dtype)
    y = check_forward_and_grads(functions.sigmoid, (x,), _ref(x), rng,
                                {'atol': 1e-3, 'rtol': 1e-2})
    assert isinstance(y.array, numpy.ndarray)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_large_inputs_are_stable(dtype):
    x = numpy.array([-1e4, -100, 100, 1e4], dtype)
    with numpy.errstate(all='raise'):
        y = functions.sigmoid(x).array
    testing.assert_allclose(y, [0, 0, 1, 1], atol=1e-6, rtol=0)
    assert numpy.all(numpy.isfinite(y))


def test_retains_output_not_input():
    x = chainer.Variable(numpy.array([1., -1.], numpy.float32))
    y = functions.sigmoid(x)
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()


def test_non_contiguous():
    x = numpy.linspace(-3, 3, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.sigmoid(x).array, _ref(x))


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.sigmoid(numpy.arange(3))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-3, 3, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        return functions.sigmoid(*xs)
    gpu_matches_cpu(f, inputs, rng)
