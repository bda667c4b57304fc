import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.testing import attr


def _ref(x, axis):
    x = x.astype(numpy.float64)
    m = x.max(axis=axis, keepdims=True)
    return x - m - numpy.log(numpy.exp(x - m).sum(axis=axis, keepdims=True))


@pytest.mark.parametrize('shape,axis', [
    ((2, 3), 1), ((2, 3), 0), ((2, 3, 4), 2), ((2, 3, 4), -1), ((4,), 0),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, axis, dtype):
    rng = numpy.random.RandomState(3)
    x = rng.uniform(-2, 2, shape).astype(dtype)

    def f(x):
        return functions.log_softmax(x, axis=axis)
    check_forward_and_grads(f, (x,), _ref(x, axis), rng,
                            {'atol': 1e-2, 'rtol': 1e-2})


def test_stable_where_log_of_softmax_fails():
    x = numpy.array([[0., 1000.], [-1000., 1000.]], numpy.float32)
    y = functions.log_softmax(x).array
    assert numpy.all(numpy.isfinite(y))
    testing.assert_allclose(y, [[-1000., 0.], [-2000., 0.]])


def test_example_values():
    x = numpy.array([[0, 1, 2], [0, 2, 4]], numpy.float32)
    testing.assert_allclose(
        functions.log_softmax(x).array,
        [[-2.407606, -1.4076059, -0.4076059],
         [-4.1429315, -2.1429315, -0.14293146]])


def test_along_axis_cases(along_axis_case):
    along_axis_case(functions.log_softmax, _ref)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-2, 2, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        return functions.log_softmax(*xs)
    gpu_matches_cpu(f, inputs, rng)
