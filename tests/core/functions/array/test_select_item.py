import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (1, 1), (0, 3)])
@pytest.mark.parametrize('t_dtype', [numpy.int32, numpy.int64])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, t_dtype, dtype):
    rng = numpy.random.RandomState(39)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    t = rng.randint(0, shape[1], shape[0]).astype(t_dtype)
    y = functions.select_item(x, t)
    expected = numpy.array([x[i, t[i]] for i in range(shape[0])], dtype)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, shape[:1]).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.select_item(x, t)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64)


def test_out_of_range_in_debug():
    with chainer.using_config('debug', True):
        with pytest.raises(ValueError):
            functions.select_item(numpy.zeros((2, 3), 'f'),
                                  numpy.array([0, 3], numpy.int32))


@pytest.mark.parametrize('x_shape,t', [
    ((2, 3), numpy.array([0, 1, 2], numpy.int32)),
    ((2, 3, 1), numpy.array([0, 1], numpy.int32)),
    ((2, 3), numpy.array([0., 1.], numpy.float32)),
])
def test_invalid(x_shape, t):
    with pytest.raises(type_check.InvalidType):
        functions.select_item(numpy.zeros(x_shape, 'f'), t)
