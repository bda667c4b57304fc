import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


def _ref(x, r):
    n, c, h, w = x.shape
    oc = c // (r * r)
    y = numpy.empty((n, oc, h * r, w * r), x.dtype)
    for i in range(r):
        for j in range(r):
            for k in range(oc):
                y[:, k, i::r, j::r] = x[:, (i * r + j) * oc + k]
    return y


@pytest.mark.parametrize('shape,r', [((1, 4, 2, 3), 2), ((2, 18, 2, 1), 3),
                                     ((2, 8, 3, 2), 2)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, r, dtype):
    rng = numpy.random.RandomState(40)
    x = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.depth2space(x, r)
    check_forward_and_grads(f, (x,), _ref(x, r), rng)


def test_inverse_of_space2depth():
    x = numpy.arange(2 * 8 * 3 * 2, dtype=numpy.float32).reshape(2, 8, 3, 2)
    y = functions.space2depth(functions.depth2space(x, 2), 2)
    testing.assert_allclose(y.array, x, atol=0, rtol=0)


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.depth2space(numpy.zeros((1, 3, 2, 2), 'f'), 2)
    with pytest.raises(type_check.InvalidType):
        functions.depth2space(numpy.zeros((4, 2, 2), 'f'), 2)
