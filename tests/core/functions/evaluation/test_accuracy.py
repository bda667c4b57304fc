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


@pytest.mark.parametrize('ignore_label', [None, -1])
def test_trailing_unit_axes_of_y(ignore_label):
    # v5 accepts scores with extra axes of length 1 after the label axes.
    rng = numpy.random.RandomState(6)
    y = rng.uniform(-1, 1, (6, 3, 2, 1, 1)).astype(numpy.float32)
    t = rng.randint(-1, 3, (6, 2)).astype(numpy.int32)
    acc = functions.accuracy(y, t, ignore_label)
    expected = _reference(y[..., 0, 0], t, ignore_label)
    testing.assert_allclose(expected, acc.array)
    with pytest.raises(type_check.InvalidType):
        functions.accuracy(y[..., 0].repeat(2, axis=3), t)
    with pytest.raises(type_check.InvalidType):
        functions.accuracy(numpy.zeros(6, numpy.float32), t[:, 0])


def test_float16_mean_accumulates_in_float16():
    # v5 takes the mean of the hits in y's dtype: with 3000 samples the
    # float16 sum is inexact, and the result differs from the exact ratio.
    rng = numpy.random.RandomState(0)
    hit = rng.rand(3000) < 0.77
    t = numpy.zeros(3000, numpy.int32)
    y = numpy.zeros((3000, 2), numpy.float16)
    y[~hit, 1] = 1
    acc = functions.accuracy(y, t)
    assert acc.dtype == numpy.float16
    assert acc.array == hit.mean(dtype=numpy.float16)
    assert acc.array != numpy.float16(hit.mean())


def test_doctests(check_doctests):
    check_doctests('chainer.functions.evaluation.accuracy')
