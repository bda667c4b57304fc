import numpy
import pytest

from chainer import functions
from chainer.utils import type_check


@pytest.mark.parametrize('axis,start', [
    (0, 0), (2, 0), (0, 2), (0, 3), (-1, 0), (1, -1), (2, 1), (-3, -2),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, axis, start, dtype):
    rng = numpy.random.RandomState(34)
    x = rng.uniform(-1, 1, (2, 3, 4)).astype(dtype)

    def f(x):
        return functions.rollaxis(x, axis, start)
    check_forward_and_grads(f, (x,), numpy.rollaxis(x, axis, start), rng)


@pytest.mark.parametrize('axis,start', [(3, 0), (-4, 0), (0, 4), (0, -4)])
def test_invalid(axis, start):
    with pytest.raises(type_check.InvalidType):
        functions.rollaxis(numpy.zeros((2, 3, 4), 'f'), axis, start)
