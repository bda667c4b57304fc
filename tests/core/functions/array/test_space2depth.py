import numpy
import pytest

from chainer import functions
from chainer.utils import type_check


def _ref(x, r):
    n, c, h, w = x.shape
    y = numpy.empty((n, c * r * r, h // r, w // r), x.dtype)
    for i in range(r):
        for j in range(r):
            for k in range(c):
                y[:, (i * r + j) * c + k] = x[:, k, i::r, j::r]
    return y


@pytest.mark.parametrize('shape,r', [((1, 1, 4, 6), 2), ((2, 2, 3, 6), 3),
                                     ((2, 3, 4, 2), 2)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, r, dtype):
    rng = numpy.random.RandomState(41)
    x = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.space2depth(x, r)
    check_forward_and_grads(f, (x,), _ref(x, r), rng)


def test_invalid():
    with pytest.raises(type_check.InvalidType):
        functions.space2depth(numpy.zeros((1, 1, 3, 4), 'f'), 2)
    with pytest.raises(type_check.InvalidType):
        functions.space2depth(numpy.zeros((1, 1, 4, 4), 'i'), 2)
