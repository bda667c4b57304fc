import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    # Keep away from the edges, where the gradient jumps.
    x[numpy.abs(numpy.abs(x) - 0.5) < 0.05] = 0.2
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.clip(x, -0.5, 0.5)
    assert y.dtype == dtype and y.shape == shape
    testing.assert_allclose(y.array, numpy.clip(x, -0.5, 0.5))

    def f(x):
        return functions.clip(x, -0.5, 0.5)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64)


def test_gradient_is_masked():
    x = chainer.Variable(numpy.array([-2., 0., 2.], numpy.float32))
    y = functions.clip(x, -1., 1.)
    y.grad = numpy.ones(3, numpy.float32)
    y.backward()
    testing.assert_allclose(x.grad, [0, 1, 0])


def test_non_contiguous():
    x = numpy.linspace(-2, 2, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.clip(x, -1., 1.).array,
                            numpy.clip(x, -1, 1))


def test_min_not_less_than_max():
    with pytest.raises(ValueError):
        functions.clip(numpy.ones(3, 'f'), 1.0, 1.0)


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.clip(numpy.arange(3), 0., 1.)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(lambda x: functions.clip(x, -0.5, 0.5),
                    lambda rng: [rng.uniform(-0.4, 0.4, (3, 4))])


def test_no_gradient_at_the_edges():
    x = chainer.Variable(numpy.array([-1., 1.], numpy.float32))
    y = functions.clip(x, -1., 1.)
    y.grad = numpy.ones(2, numpy.float32)
    y.backward()
    testing.assert_allclose(x.grad, [0, 0])
