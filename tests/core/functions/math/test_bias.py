import numpy
import pytest

from chainer import functions
from chainer import testing


def test_forward_backward(axis_broadcast_check):
    # Every axis/shape combination and dtype: see conftest.
    axis_broadcast_check(functions.bias, numpy.add)


def test_default_axis():
    x = numpy.zeros((2, 3, 4), numpy.float32)
    y = numpy.arange(3, dtype=numpy.float32)
    testing.assert_allclose(functions.bias(x, y).array[1, :, 2], [0, 1, 2])


def test_mismatched_shape():
    with pytest.raises(ValueError):
        functions.bias(numpy.zeros((2, 3, 4), 'f'), numpy.zeros(4, 'f'))
