import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.functions.evaluation import classification_summary
from chainer.utils import type_check


def _reference(pred, t, label_num, beta, ignore_label):
    keep = t != ignore_label
    pred, t = pred[keep], t[keep]
    out = []
    for c in range(label_num):
        tp = ((pred == c) & (t == c)).sum()
        predicted = (pred == c).sum()
        support = (t == c).sum()
        p = tp / predicted if predicted else numpy.nan
        r = tp / support if support else numpy.nan
        f = ((1 + beta ** 2) * p * r / (beta ** 2 * p + r)
             if p + r else numpy.nan)
        out.append((p, r, f, support))
    return [numpy.array(v) for v in zip(*out)]


@pytest.mark.parametrize('shape', [(20, 4), (6, 4, 3)])
@pytest.mark.parametrize('label_num', [None, 5])
@pytest.mark.parametrize('beta', [1.0, 2.0])
def test_summary(shape, label_num, beta):
    rng = numpy.random.RandomState(0)
    y = rng.uniform(-1, 1, shape).astype(numpy.float32)
    t = rng.randint(-1, 4, shape[:1] + shape[2:]).astype(numpy.int32)
    got = functions.classification_summary(y, t, label_num, beta)
    pred = y.argmax(axis=1).ravel()
    n = label_num or int(t.max()) + 1
    expected = _reference(pred, t.ravel(), n, beta, -1)
    assert len(got) == 4
    for g, e in zip(got, expected):
        assert g.shape == (n,)
        numpy.testing.assert_allclose(e, g.array, rtol=1e-6, equal_nan=True)


def test_wrappers():
    y = numpy.array([[1, 0], [0, 1], [1, 0], [1, 0]], numpy.float32)
    t = numpy.array([0, 1, 1, -1], numpy.int32)
    p, s = functions.precision(y, t)
    r, s2 = functions.recall(y, t)
    f, s3 = functions.f1_score(y, t)
    testing.assert_allclose(p.array, [0.5, 1.0])
    testing.assert_allclose(r.array, [1.0, 0.5])
    testing.assert_allclose(f.array, [2 / 3., 2 / 3.])
    assert list(s.array) == [1, 2] == list(s2.array) == list(s3.array)


def test_fbeta_score():
    y = numpy.array([[1, 0], [0, 1], [1, 0], [1, 0]], numpy.float32)
    t = numpy.array([0, 1, 1, 0], numpy.int32)
    f, s = classification_summary.fbeta_score(y, t, beta=2.0)
    # class 0: p = 2/3, r = 1; class 1: p = 1, r = 1/2.
    testing.assert_allclose(
        f.array, [5 * (2 / 3.) / (4 * 2 / 3. + 1), 5 * 0.5 / (4 + 0.5)])
    assert list(s.array) == [2, 2]


def test_label_num_counts_ignored_labels():
    # v5: label_num=None means max(t) + 1 over all labels, ignored ones
    # included; the class of the ignore label itself gets no support, and
    # predictions at ignored positions are not counted.
    y = numpy.array([[1, 0, 0], [0, 1, 0], [0, 1, 0]], numpy.float32)
    t = numpy.array([0, 1, 4], numpy.int32)
    p, r, f, s = functions.classification_summary(y, t, ignore_label=4)
    assert p.shape == (5,)
    assert list(s.array) == [1, 1, 0, 0, 0]
    numpy.testing.assert_allclose(
        p.array, [1, 1, numpy.nan, numpy.nan, numpy.nan])


def test_labels_beyond_label_num_are_not_counted():
    # v5 drops labels and predictions of label_num or more (no error).
    y = numpy.array([[1, 0, 0], [0, 0, 1], [0, 0, 1], [0, 1, 0]],
                    numpy.float32)
    t = numpy.array([0, 2, 1, 3], numpy.int32)
    p, r, f, s = functions.classification_summary(y, t, label_num=2)
    assert list(s.array) == [1, 1]
    numpy.testing.assert_allclose(p.array, [1, 0])
    numpy.testing.assert_allclose(r.array, [1, 0])


def test_trailing_unit_axes_of_y():
    rng = numpy.random.RandomState(1)
    y = rng.uniform(-1, 1, (5, 3, 1)).astype(numpy.float32)
    t = rng.randint(0, 3, 5).astype(numpy.int32)
    got = functions.classification_summary(y, t, 3)
    expected = _reference(y[..., 0].argmax(axis=1), t, 3, 1.0, -1)
    for g, e in zip(got, expected):
        numpy.testing.assert_allclose(e, g.array, equal_nan=True)


def test_bad_labels():
    y = numpy.zeros((2, 2), numpy.float32)
    with pytest.raises(ValueError):
        functions.classification_summary(
            y, numpy.array([0, -3], numpy.int32), label_num=2)
    with pytest.raises(type_check.InvalidType):
        functions.classification_summary(y, numpy.zeros(2, numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.classification_summary(y, numpy.zeros(3, numpy.int32))
