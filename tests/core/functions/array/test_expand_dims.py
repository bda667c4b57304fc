import numpy
import pytest

from chainer import functions
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((3,), 0), ((3,), 1), ((3,), -1), ((3,), -2),
    ((2, 3), 1), ((2, 3), -3), ((), 0), ((), -1),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, axis, dtype):
    rng = numpy.random.RandomState(4)
    x = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.expand_dims(x, axis)
    y = check_forward_and_grads(f, (x,), numpy.expand_dims(x, axis), rng)
    assert numpy.shares_memory(y.array, x) or x.ndim == 0


@pytest.mark.parametrize('axis', [3, -4])
def test_invalid_axis(axis):
    with pytest.raises(type_check.InvalidType):
        functions.expand_dims(numpy.zeros((2, 3), numpy.float32), axis)
