import numpy
import pytest

from chainer import functions
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((2, 3, 4), 0), ((2, 3, 4), 2), ((2, 3, 4), -1), ((5,), 0), ((0, 3), 1),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, axis, dtype):
    rng = numpy.random.RandomState(21)
    x = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.flip(x, axis)
    check_forward_and_grads(f, (x,), numpy.flip(x, axis), rng)


@pytest.mark.parametrize('shape,axis', [((2, 3), 2), ((2, 3), -3), ((), 0)])
def test_invalid_axis(shape, axis):
    with pytest.raises(type_check.InvalidType):
        functions.flip(numpy.zeros(shape, numpy.float32), axis)


def test_axis_type():
    with pytest.raises(TypeError):
        functions.flip(numpy.zeros((2, 3), numpy.float32), 1.0)
