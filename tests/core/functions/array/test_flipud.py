import numpy
import pytest

from chainer import functions
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3,), (2, 3), (2, 3, 4)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, dtype):
    rng = numpy.random.RandomState(23)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    check_forward_and_grads(functions.flipud, (x,), numpy.flipud(x), rng)


def test_zero_dim_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.flipud(numpy.zeros((), numpy.float32))
