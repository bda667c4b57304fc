import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3,), (2, 3), (2, 3, 4)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    rng = numpy.random.RandomState(23)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.flipud(x)
    testing.assert_allclose(y.array, numpy.flipud(x), atol=0, rtol=0)
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    gradient_check.check_backward(functions.flipud, x, gy,
                                  dtype=numpy.float64)
    gradient_check.check_double_backward(functions.flipud, x, gy, ggx,
                                         dtype=numpy.float64)


def test_zero_dim_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.flipud(numpy.zeros((), numpy.float32))
