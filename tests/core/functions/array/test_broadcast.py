import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shapes', [
    [(3, 1), (1, 4)],
    [(2, 3, 4), (4,), ()],
    [(2, 3)],
    [(1,), (0, 1)],
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shapes, dtype):
    rng = numpy.random.RandomState(13)
    xs = [rng.uniform(-1, 1, s).astype(dtype) for s in shapes]
    ys = functions.broadcast(*xs)
    expected = numpy.broadcast_arrays(*xs)
    if len(xs) == 1:
        assert isinstance(ys, chainer.Variable)
        ys = (ys,)
    for y, e in zip(ys, expected):
        assert y.dtype == dtype
        testing.assert_allclose(y.array, e, atol=0, rtol=0)
    gys = [rng.uniform(-1, 1, e.shape).astype(dtype) for e in expected]
    ggxs = [rng.uniform(-1, 1, s).astype(dtype) for s in shapes]
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {}

    def f(*xs):
        return functions.broadcast(*xs)
    gradient_check.check_backward(f, xs, gys, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, xs, gys, ggxs, dtype=numpy.float64, **tol)


def test_incompatible():
    with pytest.raises(type_check.InvalidType):
        functions.broadcast(numpy.zeros((2, 3), 'f'), numpy.zeros(2, 'f'))
