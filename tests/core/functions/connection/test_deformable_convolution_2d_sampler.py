import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


def _bilinear(img, y, x):
    # Zero outside the image.
    h, w = img.shape[1:]
    y0, x0 = int(numpy.floor(y)), int(numpy.floor(x))
    out = numpy.zeros(img.shape[0])
    for yy, wy in ((y0, 1 - (y - y0)), (y0 + 1, y - y0)):
        for xx, wx in ((x0, 1 - (x - x0)), (x0 + 1, x - x0)):
            if 0 <= yy < h and 0 <= xx < w:
                out += wy * wx * img[:, yy, xx]
    return out


def _ref(x, offset, W, b, s, p):
    n, c, h, w = x.shape
    out_c, _, kh, kw = W.shape
    oh, ow = offset.shape[2:]
    xp = numpy.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    y = numpy.zeros((n, out_c, oh, ow))
    for i in range(n):
        for r in range(oh):
            for q in range(ow):
                for a in range(kh):
                    for d in range(kw):
                        k = a * kw + d
                        v = _bilinear(xp[i], r * s + a + offset[i, kh * kw + k,
                                                               r, q],
                                      q * s + d + offset[i, k, r, q])
                        y[i, :, r, q] += W[:, :, a, d] @ v
    if b is not None:
        y += b[None, :, None, None]
    return y


@pytest.mark.parametrize('stride,pad', [(1, 0), (2, 1)])
def test_matches_convolution_without_offsets(ref_conv, stride, pad):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 3, 6, 5))
    W = rng.uniform(-1, 1, (4, 3, 3, 2))
    b = rng.uniform(-1, 1, 4)
    expected = ref_conv(x, W, b, stride, pad)
    offset = numpy.zeros((2, 12) + expected.shape[2:])
    y = functions.deformable_convolution_2d_sampler(x, offset, W, b, stride,
                                                    pad)
    testing.assert_allclose(expected, y.array)


def test_fractional_offsets_and_gradients():
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (1, 2, 5, 5))
    W = rng.uniform(-1, 1, (3, 2, 2, 2))
    b = rng.uniform(-1, 1, 3)
    # Keep sample points away from integer coordinates (kinks).
    offset = rng.uniform(0.2, 0.8, (1, 8, 3, 3)) * rng.choice([-1, 1],
                                                              (1, 8, 3, 3))
    y = functions.deformable_convolution_2d_sampler(x, offset, W, b, 2, 1)
    testing.assert_allclose(_ref(x, offset, W, b, 2, 1), y.array)

    def f(x, offset, W, b):
        return functions.deformable_convolution_2d_sampler(x, offset, W, b,
                                                           2, 1)
    gy = rng.uniform(-1, 1, y.shape)
    gradient_check.check_backward(f, (x, offset, W, b), gy, eps=1e-4,
                                  atol=1e-4, rtol=1e-3)


def test_bad_offset_shape():
    with pytest.raises(ValueError, match='offset'):
        functions.deformable_convolution_2d_sampler(
            numpy.zeros((1, 1, 4, 4)), numpy.zeros((1, 6, 2, 2)),
            numpy.zeros((1, 1, 2, 2)))
