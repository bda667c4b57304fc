import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


@pytest.mark.parametrize('x_shape,y_shape,axis', [
    ((2, 3, 4), (3,), 1), ((2, 3, 4), (3, 4), 1), ((2, 3, 4), (2,), 0),
    ((2, 3, 4), (4,), 2), ((2, 3), (2, 3), 0),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(x_shape, y_shape, axis, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, x_shape).astype(dtype)
    y = rng.uniform(-1, 1, y_shape).astype(dtype)
    z = functions.bias(x, y, axis)
    y_b = y.reshape((1,) * axis + y_shape +
                    (1,) * (len(x_shape) - axis - len(y_shape)))
    assert z.dtype == dtype and z.shape == x_shape
    testing.assert_allclose(z.array, x + y_b)
    gz = rng.uniform(-1, 1, x_shape).astype(dtype)
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    gradient_check.check_backward(lambda x, y: functions.bias(x, y, axis),
                                  (x, y), gz, dtype=numpy.float64, **tol)


def test_default_axis():
    x = numpy.zeros((2, 3, 4), numpy.float32)
    y = numpy.arange(3, dtype=numpy.float32)
    testing.assert_allclose(functions.bias(x, y).array[1, :, 2], [0, 1, 2])


def test_mismatched_shape():
    with pytest.raises(ValueError):
        functions.bias(numpy.zeros((2, 3, 4), 'f'), numpy.zeros(4, 'f'))
