import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.testing import attr


def _ref(x, axis):
    x = x.astype(numpy.float64)
    e = numpy.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


@pytest.mark.parametrize('shape,axis', [
    ((2, 3), 1), ((2, 3), 0), ((2, 3, 4), 2), ((2, 3, 4), -1), ((5,), 0),
    ((2, 0, 3), 2),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, axis, dtype):
    rng = numpy.random.RandomState(2)
    x = rng.uniform(-2, 2, shape).astype(dtype)

    def f(x):
        return functions.softmax(x, axis=axis)
    check_forward_and_grads(f, (x,), _ref(x, axis), rng,
                            {'atol': 1e-3, 'rtol': 1e-2})


def test_default_axis_and_large_values():
    x = numpy.array([[1000., 1001., 1002.], [-1000., -1000., -1000.]],
                    numpy.float32)
    y = functions.softmax(x).array
    assert numpy.all(numpy.isfinite(y))
    testing.assert_allclose(y, _ref(x, 1))


def test_along_axis_cases(along_axis_case):
    along_axis_case(functions.softmax, _ref)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-2, 2, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        return functions.softmax(*xs)
    gpu_matches_cpu(f, inputs, rng)
