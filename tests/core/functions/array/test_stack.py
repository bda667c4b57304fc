import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((3, 4), 0), ((3, 4), 1), ((3, 4), 2), ((3, 4), -1), ((3, 4), -3),
    ((), 0), ((), -1), ((0, 2), 1),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, axis, dtype):
    rng = numpy.random.RandomState(11)
    xs = tuple(rng.uniform(-1, 1, shape).astype(dtype) for _ in range(3))

    def f(*xs):
        return functions.stack(xs, axis)
    check_forward_and_grads(f, xs, numpy.stack(xs, axis), rng)


def test_non_contiguous():
    a = numpy.arange(12.).reshape(3, 4)[:, ::2]
    y = functions.stack([a, a.copy()], axis=1)
    testing.assert_allclose(y.array, numpy.stack([a, a], 1))


@pytest.mark.parametrize('axis', [3, -4])
def test_invalid_axis(axis):
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.stack([x, x], axis)


def test_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.stack([numpy.zeros((2, 3), 'f'), numpy.zeros((3, 2), 'f')])
    with pytest.raises(type_check.InvalidType):
        functions.stack([numpy.zeros((2, 3), 'f'), numpy.zeros((2, 3), 'd')])
