import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axes', [
    ((2, 3, 4), None),
    ((2, 3, 4), (1, 0, 2)),
    ((2, 3, 4), (-1, 0, -2)),
    ((2, 3), (1, 0)),
    ((), None),
    ((), ()),
    ((3,), (0,)),
    ((0, 2), (1, 0)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, axes, dtype):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.transpose(x, axes)
    check_forward_and_grads(f, (x,), x.transpose(axes), rng)


def test_non_contiguous():
    x = numpy.asfortranarray(numpy.arange(12.).reshape(3, 4))
    y = functions.transpose(x)
    testing.assert_allclose(y.array, x.T, atol=0, rtol=0)
    gradient_check.check_backward(
        functions.transpose, x, numpy.ones((4, 3)), dtype=numpy.float64)


@pytest.mark.parametrize('axes', [(0, 1), (0, 0, 1), (0, 1, 3), (0, 1, -4)])
def test_invalid_axes(axes):
    x = numpy.zeros((2, 3, 4), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.transpose(x, axes)
