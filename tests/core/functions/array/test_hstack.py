import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shapes', [
    [(), ()], [(2,), (3,)], [(2, 3), (2, 1)], [(2, 3, 4), (2, 1, 4)],
    [(4,)],
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shapes, dtype):
    rng = numpy.random.RandomState(24)
    xs = [rng.uniform(-1, 1, s).astype(dtype) for s in shapes]
    y = functions.hstack(xs)
    expected = numpy.hstack(xs)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggxs = [rng.uniform(-1, 1, s).astype(dtype) for s in shapes]

    def f(*xs):
        return functions.hstack(xs)
    gradient_check.check_backward(f, xs, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, xs, gy, ggxs, dtype=numpy.float64)


@pytest.mark.parametrize('shapes', [
    [(2, 3), (3, 3)], [(2,), (2, 1)],
])
def test_invalid(shapes):
    with pytest.raises(type_check.InvalidType):
        functions.hstack([numpy.zeros(s, numpy.float32) for s in shapes])


def test_dtype_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.hstack([numpy.zeros(2, 'f'), numpy.zeros(2, 'd')])
