import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((2, 3), 1), ((2, 3), 0), ((2, 3, 4), -1), ((3,), 0),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, axis, dtype):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    x[(-0.05 < x) & (x < 0.05)] = 0.5
    expected = numpy.concatenate(
        (numpy.maximum(x, 0), numpy.maximum(-x, 0)), axis=axis)

    def f(x):
        return functions.crelu(x, axis=axis)
    check_forward_and_grads(f, (x,), expected, rng,
                            {'atol': 1e-3, 'rtol': 1e-3}, exact=True)


def test_example():
    x = numpy.array([[-1, 0], [2, -3]], numpy.float32)
    testing.assert_allclose(functions.crelu(x).array,
                            [[0, 0, 1, 0], [2, 0, 0, 3]])


def test_invalid_axis():
    with pytest.raises(type_check.InvalidType):
        functions.crelu(numpy.zeros((2, 3), numpy.float32), axis=2)
