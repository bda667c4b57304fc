import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((2, 3, 4), 0), ((2, 3, 4), 1), ((2, 3, 4), -1), ((3,), 0),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, dtype):
    rng = numpy.random.RandomState(12)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    ys = functions.separate(x, axis)
    assert isinstance(ys, tuple)
    assert len(ys) == shape[axis]
    for i, y in enumerate(ys):
        assert y.dtype == dtype
        expected = numpy.take(x, i, axis=axis)
        testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gys = [rng.uniform(-1, 1, y.shape).astype(dtype) for y in ys]
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.separate(x, axis)
    gradient_check.check_backward(f, x, gys, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, x, gys, ggx, dtype=numpy.float64)


def test_partial_gradient():
    x = chainer.Variable(numpy.arange(6.).reshape(2, 3))
    ys = functions.separate(x, 1)
    ys[2].grad = numpy.array([1., 2.])
    ys[2].backward()
    testing.assert_allclose(x.grad, [[0, 0, 1], [0, 0, 2]])


@pytest.mark.parametrize('axis', [2, -3])
def test_invalid_axis(axis):
    with pytest.raises(type_check.InvalidType):
        functions.separate(numpy.zeros((2, 3), numpy.float32), axis)
