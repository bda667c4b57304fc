import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


def _norm(v, axis, norm):
    if norm == 1:
        return numpy.abs(v).sum(axis=axis)
    return numpy.sqrt((v ** 2).sum(axis=axis))


def _reference(emb, labels, dv, dd, norm, alpha, beta, gamma):
    b, d = emb.shape[:2]
    means = []
    l_var = 0.
    l_reg = 0.
    for c in range(d):
        mask = labels == c + 1
        mean = numpy.zeros((b, d))
        for i in range(b):
            if mask[i].any():
                mean[i] = emb[i][:, mask[i]].mean(axis=1)
        means.append(mean)
        total = 0.
        for i in range(b):
            pix = emb[i][:, mask[i]]  # (D, n)
            dist = _norm(pix - mean[i][:, None], 0, norm)
            total += (numpy.maximum(dist - dv, 0) ** 2).sum()
        l_var += total / max(mask.sum(), 1)
        l_reg += _norm(mean, (0, 1), norm)
    l_var /= d
    l_reg /= d * b
    l_dist = 0.
    pairs = 0
    for a in range(d):
        for c in range(a + 1, d):
            dist = _norm(means[a] - means[c], 1, norm)
            l_dist += (numpy.maximum(2 * dd - dist, 0) ** 2).sum()
            pairs += 1
    l_dist /= max(pairs * b, 1)
    return alpha * l_var, beta * l_dist, gamma * l_reg


@pytest.fixture
def data():
    rng = numpy.random.RandomState(0)
    emb = rng.uniform(-1, 1, (2, 3, 4, 5))
    labels = rng.randint(0, 4, (2, 4, 5)).astype(numpy.int32)
    labels[1][labels[1] == 3] = 0  # instance 3 absent from sample 1
    return emb, labels


@pytest.mark.parametrize('norm', [1, 2])
def test_forward(data, norm):
    emb, labels = data
    args = (0.3, 0.8, 3, norm, 1.5, 0.7, 0.01)
    got = functions.discriminative_margin_based_clustering_loss(
        emb.astype(numpy.float32), labels, *args)
    expected = _reference(emb, labels, 0.3, 0.8, norm, 1.5, 0.7, 0.01)
    assert len(got) == 3
    for g, e in zip(got, expected):
        assert g.dtype == numpy.float32 and g.shape == ()
        testing.assert_allclose(e, g.array, rtol=1e-5)


@pytest.mark.parametrize('norm', [1, 2])
def test_backward(data, norm):
    emb, labels = data

    def f(e):
        a, b, c = functions.discriminative_margin_based_clustering_loss(
            e, labels, 0.3, 0.8, 3, norm=norm)
        return a + b + c
    gradient_check.check_backward(f, emb, numpy.array(1.0),
                                  dtype=numpy.float64, atol=1e-4, rtol=1e-3)


def test_errors(data):
    emb, labels = data
    loss = functions.discriminative_margin_based_clustering_loss
    with pytest.raises(ValueError):
        loss(emb, labels, 0.3, 0.8, 4)
    with pytest.raises(ValueError):
        loss(emb, labels, 0.3, 0.8, 3, norm=3)
    with pytest.raises(ValueError):
        loss(emb, labels[:, :2], 0.3, 0.8, 3)
