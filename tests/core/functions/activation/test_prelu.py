import numpy
import pytest

from chainer import functions
from chainer.utils import type_check


@pytest.mark.parametrize('x_shape,w_shape', [
    ((4, 3), (3,)), ((2, 3, 4), (3,)), ((2, 3, 4), (3, 4)), ((2, 3), ()),
    ((2, 3, 2, 2), (3, 2)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, x_shape, w_shape, dtype):
    rng = numpy.random.RandomState(9)
    x = rng.uniform(-1, 1, x_shape).astype(dtype)
    x[(-0.05 < x) & (x < 0.05)] = 0.5
    W = rng.uniform(-1, 1, w_shape).astype(dtype)
    expected = x.astype(numpy.float64).copy()
    for idx in numpy.ndindex(*x_shape):
        if x[idx] < 0:
            expected[idx] *= W[idx[1:1 + len(w_shape)]]
    check_forward_and_grads(functions.prelu, (x, W), expected, rng,
                            {'atol': 1e-2, 'rtol': 1e-2})


@pytest.mark.parametrize('x_shape,w_shape', [
    ((4, 3), (4,)), ((3,), (3,)), ((2, 3, 4), (4,)),
])
def test_bad_shapes(x_shape, w_shape):
    with pytest.raises(type_check.InvalidType):
        functions.prelu(numpy.zeros(x_shape, numpy.float32),
                        numpy.zeros(w_shape, numpy.float32))


def test_dtype_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.prelu(numpy.zeros((2, 3), numpy.float32),
                        numpy.zeros(3, numpy.float64))
