import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _inputs(shape, dtype):
    rng = numpy.random.RandomState(0)
    x0 = numpy.asarray(rng.uniform(-1, 1, shape))
    x1 = x0 + rng.choice([-1, 1], shape) * rng.uniform(0.1, 0.5, shape)
    return numpy.asarray(x0, dtype), numpy.asarray(x1, dtype)


@pytest.mark.parametrize('shape', [(), (3, 4), (2, 3, 2)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward(shape, dtype):
    x0, x1 = _inputs(shape, dtype)
    y = functions.mean_absolute_error(x0, x1)
    assert y.dtype == dtype and y.shape == ()
    expected = numpy.mean(numpy.abs(x0.astype(numpy.float64) - x1))
    testing.assert_allclose(expected, y.array, rtol=1e-2)


@pytest.mark.parametrize('shape', [(), (3, 4)])
def test_backward(shape):
    x0, x1 = _inputs(shape, numpy.float64)
    rng = numpy.random.RandomState(1)
    gy = numpy.asarray(rng.uniform(-1, 1, ()))
    gg = tuple(numpy.asarray(rng.uniform(-1, 1, shape)) for _ in '01')
    gradient_check.check_backward(functions.mean_absolute_error, (x0, x1),
                                  gy, dtype=numpy.float64)
    gradient_check.check_double_backward(
        functions.mean_absolute_error, (x0, x1), gy, gg,
        dtype=numpy.float64)


def test_shape_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.mean_absolute_error(numpy.zeros(2, 'f'),
                                      numpy.zeros(3, 'f'))
