import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _ref(x, k, d):
    n, c, h, w = x.shape
    groups = k * k
    cells = list(range(groups))
    centre = (groups - 1) // 2
    cells[centre], cells[-1] = cells[-1], cells[centre]
    size = c // groups
    y = numpy.zeros_like(x)
    for ch in range(c):
        g = min(ch // size, groups - 1)
        oy = (cells[g] // k - k // 2) * d
        ox = (cells[g] % k - k // 2) * d
        for r in range(h):
            for q in range(w):
                if 0 <= r + oy < h and 0 <= q + ox < w:
                    y[:, ch, r, q] = x[:, ch, r + oy, q + ox]
    return y


@pytest.mark.parametrize('c,k,d', [(9, 3, 1), (11, 3, 2), (25, 5, 1)])
def test_shift(c, k, d):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, c, 5, 6))
    y = functions.shift(x, k, d)
    testing.assert_allclose(_ref(x, k, d), y.array)
    gy = rng.uniform(-1, 1, x.shape)

    def f(x):
        return functions.shift(x, k, d)
    gradient_check.check_backward(f, x, gy)
    gradient_check.check_double_backward(f, x, gy,
                                         rng.uniform(-1, 1, x.shape))


def test_centre_group_is_unshifted():
    x = numpy.arange(9 * 9, dtype=numpy.float32).reshape(1, 9, 3, 3)
    y = functions.shift(x, 3).array
    testing.assert_allclose(y[0, 8], x[0, 8])


def test_too_few_channels():
    with pytest.raises(type_check.InvalidType):
        functions.shift(numpy.zeros((1, 4, 3, 3), numpy.float32), 3)
