import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _ref(x, rois, outh, outw, scale):
    n, c, h, w = x.shape
    y = numpy.zeros((len(rois), c, outh, outw))
    for r, roi in enumerate(rois):
        b = int(roi[0])
        x0, y0, x1, y1 = [int(v) for v in numpy.round(roi[1:] * scale)]
        rw, rh = max(x1 - x0 + 1, 1), max(y1 - y0 + 1, 1)
        for i in range(outh):
            hs = min(max(int(numpy.floor(i * rh / outh)) + y0, 0), h)
            he = min(max(int(numpy.ceil((i + 1) * rh / outh)) + y0, 0), h)
            for j in range(outw):
                ws = min(max(int(numpy.floor(j * rw / outw)) + x0, 0), w)
                we = min(max(int(numpy.ceil((j + 1) * rw / outw)) + x0, 0),
                         w)
                if he > hs and we > ws:
                    y[r, :, i, j] = x[b, :, hs:he, ws:we].max(axis=(1, 2))
    return y


ROIS = numpy.array([
    [0, 1, 1, 6, 6],
    [2, 6, 2, 7, 11],
    [1, 3, 1, 5, 10],
    [0, 3, 3, 3, 3],
    [1, 30, 30, 40, 40],   # outside the image: all bins empty
], numpy.float32)


@pytest.mark.parametrize('outh,outw,scale', [(3, 4, 0.6), (2, 2, 1.0)])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_roi_pooling_2d(outh, outw, scale, dtype):
    rng = numpy.random.RandomState(0)
    shape = (3, 2, 12, 8)
    x = (rng.permutation(numpy.prod(shape)).reshape(shape) * 0.01).astype(
        dtype)
    y = functions.roi_pooling_2d(x, ROIS, outh, outw, scale)
    assert y.dtype == dtype and y.shape == (5, 2, outh, outw)
    testing.assert_allclose(_ref(x, ROIS, outh, outw, scale), y.array)
    if dtype == numpy.float64:
        gy = rng.uniform(-1, 1, y.shape)
        gradient_check.check_backward(
            lambda x: functions.roi_pooling_2d(x, ROIS, outh, outw, scale),
            x, gy, eps=1e-4)


def test_gradient_goes_to_max():
    x = chainer.Variable(numpy.zeros((1, 1, 3, 3)))
    x.array[0, 0, 1, 2] = 5
    y = functions.roi_pooling_2d(x, numpy.array([[0, 0, 0, 2, 2.]]),
                                 1, 1, 1.0)
    y.grad = numpy.ones((1, 1, 1, 1))
    y.backward()
    expected = numpy.zeros((1, 1, 3, 3))
    expected[0, 0, 1, 2] = 1
    testing.assert_allclose(x.grad, expected)


def test_bad_rois():
    with pytest.raises(type_check.InvalidType):
        functions.roi_pooling_2d(numpy.zeros((1, 1, 4, 4), numpy.float32),
                                 numpy.zeros((2, 4), numpy.float32), 2, 2, 1)


def test_no_double_backprop():
    # v5's roi_pooling_2d is an old-style Function: differentiating its
    # gradient again raises RuntimeError.
    x = chainer.Variable(numpy.arange(9.).reshape(1, 1, 3, 3))
    y = functions.roi_pooling_2d(x, numpy.array([[0, 0, 0, 2, 2.]]),
                                 1, 1, 1.0)
    gx, = chainer.grad([functions.sum(y * y)], [x],
                       enable_double_backprop=True)
    testing.assert_allclose(gx.array.ravel(), [0] * 8 + [16])
    with pytest.raises(RuntimeError):
        chainer.grad([functions.sum(gx)], [x])
