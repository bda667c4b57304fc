import numpy

from chainer import functions
from chainer import gradient_check
from chainer import testing


def test_dilated_convolution_2d(ref_conv):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 3, 7, 6))
    W = rng.uniform(-1, 1, (4, 3, 3, 2))
    b = rng.uniform(-1, 1, 4)

    def f(x, W, b):
        return functions.dilated_convolution_2d(x, W, b, 1, 2, 2)
    y = f(x, W, b)
    testing.assert_allclose(ref_conv(x, W, b, 1, 2, dilate=2), y.array)
    gy = rng.uniform(-1, 1, y.shape)
    gradient_check.check_backward(f, (x, W, b), gy)
    gg = [rng.uniform(-1, 1, a.shape) for a in (x, W, b)]
    gradient_check.check_double_backward(f, (x, W, b), gy, gg)
