import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing
from chainer.utils import type_check


def test_forward_backward(axis_broadcast_check):
    # Every axis/shape combination and dtype: see conftest.
    axis_broadcast_check(functions.bias, numpy.add)


def test_default_axis():
    x = numpy.zeros((2, 3, 4), numpy.float32)
    y = numpy.arange(3, dtype=numpy.float32)
    testing.assert_allclose(functions.bias(x, y).array[1, :, 2], [0, 1, 2])


def test_mismatched_shape_raises_invalid_type():
    # v5 leaves the check to broadcast_to outside debug mode.
    with pytest.raises(type_check.InvalidType):
        functions.bias(numpy.zeros((2, 3, 4), 'f'), numpy.zeros(4, 'f'))


def test_mismatched_shape_asserts_in_debug_mode():
    with chainer.using_config('debug', True):
        with pytest.raises(AssertionError):
            functions.bias(numpy.zeros((2, 3, 4), 'f'),
                          numpy.zeros((3, 1), 'f'))


def test_length_one_axes_broadcast_as_in_v5():
    x = numpy.arange(24, dtype=numpy.float32).reshape(2, 3, 4)
    y = numpy.array([[2.], [3.], [5.]], numpy.float32)  # (3, 1) at axis 1
    expected = numpy.add(x, y.reshape(1, 3, 1))
    testing.assert_allclose(functions.bias(x, y).array, expected)


def test_negative_axis_fails_to_broadcast_as_in_v5():
    with pytest.raises(type_check.InvalidType):
        functions.bias(numpy.zeros((2, 3, 4), 'f'), numpy.zeros(4, 'f'),
                      axis=-1)
