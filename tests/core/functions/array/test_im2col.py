import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import conv


def _ref(x, kh, kw, sy, sx, ph, pw, dy, dx, cover_all):
    # Direct loops over every output position and filter offset.
    n, c, h, w = x.shape
    oh = conv.get_conv_outsize(h, kh, sy, ph, cover_all, dy)
    ow = conv.get_conv_outsize(w, kw, sx, pw, cover_all, dx)
    y = numpy.zeros((n, c, kh, kw, oh, ow), x.dtype)
    for i in range(kh):
        for j in range(kw):
            for a in range(oh):
                for b in range(ow):
                    r = a * sy - ph + i * dy
                    q = b * sx - pw + j * dx
                    if 0 <= r < h and 0 <= q < w:
                        y[:, :, i, j, a, b] = x[:, :, r, q]
    return y.reshape(n, c * kh * kw, oh, ow)


@pytest.mark.parametrize('params', [
    dict(ksize=2, stride=1, pad=0, cover_all=False, dilate=1),
    dict(ksize=(2, 3), stride=(2, 1), pad=(1, 0), cover_all=False,
         dilate=1),
    dict(ksize=2, stride=2, pad=0, cover_all=True, dilate=1),
    dict(ksize=2, stride=1, pad=1, cover_all=False, dilate=2),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(params, dtype):
    rng = numpy.random.RandomState(27)
    x = rng.uniform(-1, 1, (2, 2, 5, 4)).astype(dtype)
    y = functions.im2col(x, **params)
    kh, kw = conv_pair(params['ksize'])
    sy, sx = conv_pair(params['stride'])
    ph, pw = conv_pair(params['pad'])
    dy, dx = conv_pair(params['dilate'])
    expected = _ref(x, kh, kw, sy, sx, ph, pw, dy, dx, params['cover_all'])
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, x.shape).astype(dtype)
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {}

    def f(x):
        return functions.im2col(x, **params)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def conv_pair(v):
    return (v, v) if isinstance(v, int) else v
