import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    rng = numpy.random.RandomState(0)
    z = 0.75
    x = rng.uniform(-1, 1, shape).astype(dtype)
    # Keep away from the kinks at 0 and z.
    x[(-0.05 < x) & (x < 0.05)] = 0.5
    x[(z - 0.05 < x) & (x < z + 0.05)] = 0.5
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.clipped_relu(x, z)
    assert y.dtype == dtype
    expected = numpy.array([min(max(0., float(v)), z) for v in x.ravel()],
                           dtype).reshape(shape)
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    tol = {'atol': 1e-3, 'rtol': 1e-3} if dtype == numpy.float16 else {}

    def f(x):
        return functions.clipped_relu(x, z)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_default_z():
    x = numpy.array([-100., 5., 100.], numpy.float32)
    testing.assert_allclose(functions.clipped_relu(x).array, [0, 5, 20])


def test_z_must_be_float():
    with pytest.raises(TypeError):
        functions.clipped_relu(numpy.zeros(3, numpy.float32), 1)


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.clipped_relu(numpy.arange(3), 1.0)
