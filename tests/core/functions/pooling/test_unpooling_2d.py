import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import conv
from chainer.utils import type_check


def _ref(x, k, s, p, outsize, cover_all):
    h, w = x.shape[2:]
    if outsize is None:
        outsize = (conv.get_deconv_outsize(h, k, s, p, cover_all),
                   conv.get_deconv_outsize(w, k, s, p, cover_all))
    oh, ow = outsize
    y = numpy.zeros(x.shape[:2] + (oh, ow))
    for i in range(h):
        for j in range(w):
            for a in range(k):
                for b in range(k):
                    r, c = i * s + a - p, j * s + b - p
                    if 0 <= r < oh and 0 <= c < ow:
                        y[:, :, r, c] += x[:, :, i, j]
    return y


@pytest.mark.parametrize('k,s,p,outsize,cover_all', [
    (2, None, 0, None, False),
    (2, None, 0, None, True),
    (3, 2, 1, None, True),
    (3, 2, 1, (7, 8), False),
    (2, 1, 0, None, False),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_unpooling_2d(k, s, p, outsize, cover_all, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 3, 4, 4)).astype(dtype)
    y = functions.unpooling_2d(x, k, s, p, outsize, cover_all)
    assert y.dtype == dtype
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(_ref(x, k, s or k, p, outsize, cover_all),
                            y.array, **tol)
    if dtype == numpy.float64:
        def f(x):
            return functions.unpooling_2d(x, k, s, p, outsize, cover_all)
        gy = rng.uniform(-1, 1, y.shape)
        gradient_check.check_backward(f, x, gy)
        gradient_check.check_double_backward(f, x, gy,
                                             rng.uniform(-1, 1, x.shape))


def test_unpooling_nd_1d_3d():
    rng = numpy.random.RandomState(1)
    x = rng.randn(1, 2, 3, 2, 2)
    y = functions.unpooling_3d(x, 2, cover_all=False)
    testing.assert_allclose(
        y.array, x.repeat(2, 2).repeat(2, 3).repeat(2, 4))
    y1 = functions.unpooling_1d(x[:, :, :, 0, 0], 3, cover_all=False)
    testing.assert_allclose(y1.array, x[:, :, :, 0, 0].repeat(3, 2))
    yn = functions.unpooling_nd(x, (1, 2, 1), cover_all=False)
    testing.assert_allclose(yn.array, x.repeat(2, 3))
    gy = rng.randn(*y.shape)
    gradient_check.check_backward(
        lambda x: functions.unpooling_3d(x, 2, cover_all=False), x, gy)


def test_bad_outsize():
    x = numpy.zeros((1, 1, 2, 2), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.unpooling_2d(x, 2, outsize=(9, 9))


def test_doctests(check_doctests):
    check_doctests('chainer.functions.pooling.unpooling_2d')
