import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shapes', [
    [(), ()], [(3,), (3,)], [(2, 3), (1, 3)], [(2, 3, 4), (1, 3, 4)],
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shapes, dtype):
    rng = numpy.random.RandomState(25)
    xs = [rng.uniform(-1, 1, s).astype(dtype) for s in shapes]
    y = functions.vstack(xs)
    expected = numpy.vstack(xs)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggxs = [rng.uniform(-1, 1, s).astype(dtype) for s in shapes]

    def f(*xs):
        return functions.vstack(xs)
    gradient_check.check_backward(f, xs, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, xs, gy, ggxs, dtype=numpy.float64)


@pytest.mark.parametrize('shapes', [
    [(2, 3), (2, 2)], [(2,), (3,)],
])
def test_invalid(shapes):
    with pytest.raises(type_check.InvalidType):
        functions.vstack([numpy.zeros(s, numpy.float32) for s in shapes])
