import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('slope', [0.2, 0.0, -0.5])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, slope, dtype):
    rng = numpy.random.RandomState(4)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    x[(-0.05 < x) & (x < 0.05)] = 0.5
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.leaky_relu(x, slope=slope)
    assert y.dtype == dtype
    expected = numpy.where(x >= 0, x.astype(float), slope * x)
    tol = {'atol': 1e-3, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)

    def f(x):
        return functions.leaky_relu(x, slope=slope)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_retains_output_for_nonnegative_slope():
    x = chainer.Variable(numpy.array([1., -1.], numpy.float32))
    y = functions.leaky_relu(x)
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.leaky_relu(numpy.arange(3))
