import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('in_shape,out_shape', [
    ((4, 3, 2), (2, 12)),
    ((4, 3, 2), (-1, 6)),
    ((4, 3, 2), (4, -1, 1)),
    ((), (1, 1)),
    ((1,), ()),
    ((6,), 6),
    ((2, 0), (0, 5)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, in_shape, out_shape,
                          dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, in_shape).astype(dtype)

    def f(x):
        return functions.reshape(x, out_shape)
    check_forward_and_grads(f, (x,), x.reshape(out_shape), rng)


def test_no_copy_and_view():
    x = numpy.arange(6, dtype=numpy.float32)
    y = functions.reshape(x, (2, 3))
    assert numpy.shares_memory(y.array, x)


def test_non_contiguous_input():
    x = numpy.arange(24, dtype=numpy.float32).reshape(4, 6)[:, ::2]
    y = functions.reshape(x, (3, 4))
    testing.assert_allclose(y.array, x.reshape(3, 4), atol=0, rtol=0)
    gradient_check.check_backward(
        lambda x: functions.reshape(x, (3, 4)), x,
        numpy.ones((3, 4), numpy.float32), dtype=numpy.float64)


def test_same_shape_returns_variable():
    x = numpy.zeros((2, 3), numpy.float32)
    y = functions.reshape(x, (2, 3))
    assert isinstance(y, chainer.Variable)
    assert y.array is x


def test_integer_input():
    x = numpy.arange(8).reshape(2, 4)
    y = functions.reshape(x, (8,))
    numpy.testing.assert_array_equal(y.array, numpy.arange(8))


def test_size_mismatch_message():
    x = numpy.zeros((2, 4), numpy.float32)
    with pytest.raises(type_check.InvalidType) as e:
        functions.reshape(x, (4, 3))
    assert 'prod(x.shape) == prod((4, 3))' in str(e.value)
    assert '8 != 12' in str(e.value)


def test_unknown_dim_not_divisible():
    with pytest.raises(type_check.InvalidType):
        functions.reshape(numpy.zeros((2, 4), numpy.float32), (3, -1))


def test_two_unknown_dims():
    with pytest.raises(ValueError):
        functions.reshape(numpy.zeros((2, 4), numpy.float32), (-1, -1))
