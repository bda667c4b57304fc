import numpy
import pytest

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
    gradient_check.check_backward(f, args, rng.uniform(-1, 1, y.shape))


def test_bad_shape():
    x = numpy.zeros((1, 3, 5, 5), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.local_convolution_2d(
            x, numpy.zeros((2, 4, 4, 3, 3, 3), numpy.float32))
