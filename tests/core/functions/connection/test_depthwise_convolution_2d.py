import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('stride,pad', [(1, 0), (2, 1)])
def test_depthwise(ref_conv, stride, pad):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 3, 5, 6))
    W = rng.uniform(-1, 1, (2, 3, 3, 2))   # multiplier 2
    b = rng.uniform(-1, 1, 6)
    y = functions.depthwise_convolution_2d(x, W, b, stride, pad)
    # Channel c * M + m is channel c convolved with W[m, c].
    for c in range(3):
        for m in range(2):
            e = ref_conv(x[:, c:c + 1], W[m:m + 1, c:c + 1], None, stride,
                         pad)[:, 0] + b[c * 2 + m]
            testing.assert_allclose(e, y.array[:, c * 2 + m])

    def f(x, W, b):
        return functions.depthwise_convolution_2d(x, W, b, stride, pad)
    gy = rng.uniform(-1, 1, y.shape)
    gradient_check.check_backward(f, (x, W, b), gy)


def test_channel_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.depthwise_convolution_2d(
            numpy.zeros((1, 3, 4, 4), numpy.float32),
            numpy.zeros((2, 2, 3, 3), numpy.float32))
