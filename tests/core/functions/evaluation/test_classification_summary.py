import numpy
import pytest

from chainer import functions
from chainer import testing
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


def test_label_out_of_range():
    y = numpy.zeros((2, 2), numpy.float32)
    with pytest.raises(ValueError):
        functions.classification_summary(
            y, numpy.array([0, 3], numpy.int32), label_num=2)
    with pytest.raises(type_check.InvalidType):
        functions.classification_summary(y, numpy.zeros(2, numpy.float32))
