import numpy
import pytest

import chainer
from chainer.utils import array


def test_as_vec_as_mat():
    x = numpy.arange(24).reshape(2, 3, 4)
    v = array.as_vec(x)
    assert v.shape == (24,)
    numpy.testing.assert_array_equal(v, numpy.arange(24))
    assert array.as_vec(v) is v
    m = array.as_mat(x)
    numpy.testing.assert_array_equal(m, numpy.arange(24).reshape(2, 12))
    assert array.as_mat(m) is m


def test_empty_like():
    x = numpy.zeros((2, 3), numpy.float16)
    y = array.empty_like(x)
    assert type(y) is numpy.ndarray
    assert y.shape == (2, 3) and y.dtype == numpy.float16


@pytest.mark.parametrize('in_shape, shape', [
    ((2, 3, 4), (3, 4)), ((2, 3, 4), (3, 1)), ((2, 3, 4), (1, 1, 4)),
    ((2, 3, 4), ()), ((3,), (1,)), ((2, 3), (2, 3)), ((5, 1), (1, 1)),
])
def test_sum_to(in_shape, shape):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(size=in_shape)
    y = array.sum_to(x, shape)
    assert y.shape == shape
    # Reference: the gradient of broadcast_to, through a one-hot basis.
    expected = numpy.zeros(shape)
    for index in numpy.ndindex(*in_shape):
        lead = len(in_shape) - len(shape)
        target = tuple(0 if s == 1 else i
                       for i, s in zip(index[lead:], shape))
        expected[target] += x[index]
    numpy.testing.assert_allclose(y, expected)


def test_sum_to_same_shape_returns_input():
    x = numpy.ones((2, 3))
    assert array.sum_to(x, (2, 3)) is x


def test_sum_to_variable():
    with pytest.raises(TypeError):
        array.sum_to(chainer.Variable(numpy.ones((2, 3))), (3,))
