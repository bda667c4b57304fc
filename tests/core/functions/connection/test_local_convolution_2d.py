import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _ref(x, W, b, s):
    out_c, oh, ow, c, kh, kw = W.shape
    y = numpy.zeros((x.shape[0], out_c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            patch = x[:, :, i * s:i * s + kh, j * s:j * s + kw]
            y[:, :, i, j] = numpy.einsum('nckl,ockl->no', patch, W[:, i, j])
    if b is not None:
        y += b
    return y


@pytest.mark.parametrize('stride', [1, 2])
@pytest.mark.parametrize('nobias', [False, True])
def test_local_convolution_2d(stride, nobias):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 3, 5, 6))
    oh = (5 - 2) // stride + 1
    ow = (6 - 3) // stride + 1
    W = rng.uniform(-1, 1, (4, oh, ow, 3, 2, 3))
    b = None if nobias else rng.uniform(-1, 1, (4, oh, ow))
    args = (x, W) if nobias else (x, W, b)

    def f(*a):
        return functions.local_convolution_2d(*a, stride=stride)
    y = f(*args)
    testing.assert_allclose(_ref(x, W, b, stride), y.array)
    gy = rng.uniform(-1, 1, y.shape)
    gradient_check.check_backward(f, args, gy)
    ggs = tuple(rng.uniform(-1, 1, a.shape) for a in args)
    gradient_check.check_double_backward(f, args, gy, ggs)


def test_double_backward_values():
    # The first-order gradients are bilinear: d(gx)/dW and d(gW)/dx are
    # nonzero, which a graph built from constant arrays would miss.
    rng = numpy.random.RandomState(1)
    x = chainer.Variable(rng.uniform(-1, 1, (1, 2, 3, 3)))
    W = chainer.Variable(rng.uniform(-1, 1, (2, 2, 2, 2, 2, 2)))
    y = functions.local_convolution_2d(x, W)
    gx, gW = chainer.grad([y], [x, W], enable_double_backprop=True)
    # sum(gx) = sum over windows of W; its gradient w.r.t. W is the count
    # of input pixels each filter tap covers: 1 everywhere.
    g2, = chainer.grad([functions.sum(gx)], [W])
    testing.assert_allclose(g2.array, numpy.ones(W.shape))
    # sum(gW) = sum of every window of x: gradient is the window count.
    g3, = chainer.grad([functions.sum(gW)], [x])
    count = numpy.zeros((3, 3))
    for i in range(2):
        for j in range(2):
            count[i:i + 2, j:j + 2] += 1
    testing.assert_allclose(g3.array[0, 0], 2 * count)


def test_mixed_dtypes():
    rng = numpy.random.RandomState(2)
    x = chainer.Variable(rng.uniform(-1, 1, (2, 2, 4, 4)).astype('f'))
    W = chainer.Variable(rng.uniform(-1, 1, (3, 3, 3, 2, 2, 2)))
    y = functions.local_convolution_2d(x, W)
    assert y.dtype == numpy.float32
    y.grad = numpy.ones(y.shape, 'f')
    y.backward()
    assert x.grad.dtype == numpy.float32 and W.grad.dtype == numpy.float64
    testing.assert_allclose(
        W.grad, _ref_grad_W(x.array.astype('d'), W.shape), rtol=1e-5)


def _ref_grad_W(x, shape):
    out_c, oh, ow, c, kh, kw = shape
    g = numpy.zeros(shape)
    for i in range(oh):
        for j in range(ow):
            g[:, i, j] = x[:, :, i:i + kh, j:j + kw].sum(axis=0)
    return g


def test_bad_shape():
    x = numpy.zeros((1, 3, 5, 5), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.local_convolution_2d(
            x, numpy.zeros((2, 4, 4, 3, 3, 3), numpy.float32))
