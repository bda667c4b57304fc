import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(10,), (4, 3), (2, 3, 2)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward(shape, dtype):
    rng = numpy.random.RandomState(0)
    y = rng.uniform(-1, 1, shape).astype(dtype)
    t = rng.randint(-1, 2, shape).astype(numpy.int32)
    keep = t != -1
    expected = ((y >= 0)[keep] == t[keep]).mean()
    acc = functions.binary_accuracy(y, t)
    assert acc.dtype == dtype and acc.shape == ()
    testing.assert_allclose(expected, acc.array, rtol=1e-3)


def test_example():
    y = numpy.array([[-1.0, 2.0], [0.5, -0.5]], numpy.float32)
    t = numpy.array([[0, 1], [0, -1]], numpy.int32)
    testing.assert_allclose(functions.binary_accuracy(y, t).array, 2. / 3)


def test_all_ignored():
    y = numpy.zeros(3, numpy.float32)
    t = -numpy.ones(3, numpy.int32)
    assert float(functions.binary_accuracy(y, t).array) == 0.0


def test_errors():
    y = numpy.zeros(3, numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.binary_accuracy(y, numpy.zeros(4, numpy.int32))
    with pytest.raises(type_check.InvalidType):
        functions.binary_accuracy(y, y)


def test_doctests(check_doctests):
    check_doctests('chainer.functions.evaluation.binary_accuracy')
