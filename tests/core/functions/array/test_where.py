import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0, 2)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    rng = numpy.random.RandomState(10)
    cond = rng.uniform(0, 1, shape) > 0.5
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = rng.uniform(-1, 1, shape).astype(dtype)
    z = functions.where(cond, x, y)
    assert z.dtype == dtype
    expected = numpy.array([a if c else b for c, a, b in
                            zip(cond.ravel(), x.ravel(), y.ravel())],
                           dtype).reshape(shape)
    testing.assert_allclose(z.array, expected, atol=0, rtol=0)
    gz = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    ggy = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x, y):
        return functions.where(cond, x, y)
    gradient_check.check_backward(f, (x, y), gz, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, (x, y), gz, (ggx, ggy), dtype=numpy.float64)


def test_gradient_values():
    cond = numpy.array([True, False, True])
    x = chainer.Variable(numpy.zeros(3, numpy.float32))
    y = chainer.Variable(numpy.zeros(3, numpy.float32))
    z = functions.where(chainer.Variable(cond), x, y)
    z.grad = numpy.array([1., 2., 3.], numpy.float32)
    z.backward()
    testing.assert_allclose(x.grad, [1, 0, 3])
    testing.assert_allclose(y.grad, [0, 2, 0])


def test_non_bool_condition():
    x = numpy.zeros(3, numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.where(numpy.array([1, 0, 1]), x, x)


def test_shape_mismatch():
    x = numpy.zeros(3, numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.where(numpy.ones(2, bool), x, x)
    with pytest.raises(type_check.InvalidType):
        functions.where(numpy.ones(3, bool), x, numpy.zeros(2, numpy.float32))


def test_dtype_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.where(numpy.ones(3, bool), numpy.zeros(3, numpy.float32),
                        numpy.zeros(3, numpy.float64))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (1, 3)).astype(numpy.float32),
              rng.uniform(-1, 1, (1, 3)).astype(numpy.float32)]

    def f(*xs):
        cond = numpy.array([[True, False, True]])
        return functions.where(cond, *xs)
    gpu_matches_cpu(f, inputs, rng)
