import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


def _reference(y, t, ignore_label):
    pred = numpy.moveaxis(y, 1, -1).reshape(-1, y.shape[1]).argmax(axis=1)
    tt = t.ravel()
    keep = (numpy.ones_like(tt, bool) if ignore_label is None
            else tt != ignore_label)
    if keep.sum() == 0:
        return 0.0
    return float((pred[keep] == tt[keep]).sum()) / keep.sum()


@testing.parameterize(*testing.product({
    'shape': [(10, 3), (4, 3, 5), (2, 3, 2, 2)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'ignore_label': [None, -1, 1],
}))
class TestAccuracy:

    def test_forward(self):
        rng = numpy.random.RandomState(5)
        y = rng.uniform(-1, 1, self.shape).astype(self.dtype)
        t_shape = self.shape[:1] + self.shape[2:]
        t = rng.randint(0, 3, t_shape).astype(numpy.int32)
        if self.ignore_label == -1:
            t.ravel()[::3] = -1
        acc = functions.accuracy(y, t, self.ignore_label)
        assert acc.dtype == self.dtype
        assert acc.shape == ()
        expected = _reference(y, t, self.ignore_label)
        testing.assert_allclose(expected, acc.array, atol=1e-3)


def test_known_value():
    y = numpy.array([[0.1, 0.7, 0.2], [8.0, 1.0, 2.0]], numpy.float32)
    t = numpy.array([1, 2], numpy.int32)
    assert float(functions.accuracy(y, t).array) == 0.5


def test_all_ignored():
    y = numpy.zeros((3, 2), numpy.float32)
    t = numpy.full(3, -1, numpy.int32)
    assert float(functions.accuracy(y, t, ignore_label=-1).array) == 0.0


def test_float_label_rejected():
    y = numpy.zeros((3, 2), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.accuracy(y, numpy.zeros(3, numpy.float32))


def test_shape_mismatch():
    y = numpy.zeros((3, 2), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.accuracy(y, numpy.zeros(4, numpy.int32))
