import math

import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _bilinear(img, y, x):
    h, w = img.shape[1:]
    if y < -1 or y > h or x < -1 or x > w:
        return numpy.zeros(img.shape[0])
    y, x = max(y, 0.), max(x, 0.)
    yl, xl = int(y), int(x)
    if yl >= h - 1:
        yl = yh = h - 1
        y = float(yl)
    else:
        yh = yl + 1
    if xl >= w - 1:
        xl = xh = w - 1
        x = float(xl)
    else:
        xh = xl + 1
    ly, lx = y - yl, x - xl
    return ((1 - ly) * (1 - lx) * img[:, yl, xl] +
            (1 - ly) * lx * img[:, yl, xh] +
            ly * (1 - lx) * img[:, yh, xl] + ly * lx * img[:, yh, xh])


def _ref(x, rois, idx, outsize, scale, ratio):
    oh, ow = outsize
    y = numpy.zeros((len(rois), x.shape[1], oh, ow))
    for r, (roi, b) in enumerate(zip(rois, idx)):
        y0, x0, y1, x1 = roi * scale
        rh, rw = max(y1 - y0, 1.), max(x1 - x0, 1.)
        bh, bw = rh / oh, rw / ow
        gh = ratio[0] if ratio else int(math.ceil(rh / oh))
        gw = ratio[1] if ratio else int(math.ceil(rw / ow))
        for i in range(oh):
            for j in range(ow):
                acc = 0
                for a in range(gh):
                    for c in range(gw):
                        acc = acc + _bilinear(
                            x[b], y0 + i * bh + (a + .5) * bh / gh,
                            x0 + j * bw + (c + .5) * bw / gw)
                y[r, :, i, j] = acc / (gh * gw)
    return y


ROIS = numpy.array([[1, 1, 6, 6], [2, 0.5, 7.5, 3], [-3, -2, 3, 4.5],
                    [5, 5, 5.2, 5.1], [8, 6, 14, 12]], numpy.float32)
IDX = numpy.array([0, 2, 1, 0, 1], numpy.int32)


@pytest.mark.parametrize('outsize,scale,ratio', [
    (3, 1.0, None), ((2, 4), 0.7, 2), ((3, 2), 1.3, (1, 3))])
def test_roi_average_align_2d(outsize, scale, ratio):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (3, 2, 9, 7))
    y = functions.roi_average_align_2d(x, ROIS, IDX, outsize, scale, ratio)
    osz = outsize if isinstance(outsize, tuple) else (outsize, outsize)
    rt = ratio if ratio is None or isinstance(ratio, tuple) else (ratio,
                                                                 ratio)
    testing.assert_allclose(_ref(x, ROIS, IDX, osz, scale, rt), y.array)

    def f(x):
        return functions.roi_average_align_2d(x, ROIS, IDX, outsize, scale,
                                              ratio)
    gy = rng.uniform(-1, 1, y.shape)
    gradient_check.check_backward(f, x, gy)
    gradient_check.check_double_backward(f, x, gy,
                                         rng.uniform(-1, 1, x.shape))


def test_float32():
    x = numpy.ones((1, 1, 4, 4), numpy.float32)
    y = functions.roi_average_align_2d(
        x, ROIS[:1], IDX[:1], 2, 0.5)
    assert y.dtype == numpy.float32
    testing.assert_allclose(y.array, numpy.ones((1, 1, 2, 2)))


def test_bad_inputs():
    x = numpy.zeros((1, 1, 4, 4), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.roi_average_align_2d(x, ROIS[:, :3], IDX, 2, 1.)
    with pytest.raises(type_check.InvalidType):
        functions.roi_average_align_2d(x, ROIS, IDX[:2], 2, 1.)
    with pytest.raises(ValueError):
        functions.roi_average_align_2d(x, ROIS, IDX, 0, 1.)
