import numpy
import pytest

from chainer import functions
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((1, 3, 1, 4), None),
    ((1, 3, 1, 4), 0),
    ((1, 3, 1, 4), -2),
    ((1, 3, 1, 4), (0, 2)),
    ((1, 1), None),
    ((), None),
    ((2, 3), None),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, axis, dtype):
    rng = numpy.random.RandomState(5)
    x = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.squeeze(x, axis)
    check_forward_and_grads(f, (x,), numpy.squeeze(x, axis), rng)


@pytest.mark.parametrize('axis', [1, 4, -5, (0, 1)])
def test_invalid_axis(axis):
    with pytest.raises(type_check.InvalidType):
        functions.squeeze(numpy.zeros((1, 3, 1, 4), numpy.float32), axis)


@pytest.mark.parametrize('axis', [1.0, [0], 'a'])
def test_axis_type(axis):
    with pytest.raises(TypeError):
        functions.squeeze(numpy.zeros((1, 3), numpy.float32), axis)
