import itertools

import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


def _score(cost, xs, path):
    s = sum(x[y] for x, y in zip(xs, path))
    return s + sum(cost[a, b] for a, b in zip(path[:-1], path[1:]))


def _sequences(xs, b):
    return [x[b] for x in xs if x.shape[0] > b]


@pytest.fixture
def data():
    rng = numpy.random.RandomState(0)
    k = 3
    batches = [3, 3, 2, 1]  # lengths 4, 3, 2 for the three sequences
    cost = rng.uniform(-1, 1, (k, k))
    xs = [rng.uniform(-1, 1, (b, k)) for b in batches]
    ys = [rng.randint(0, k, b).astype(numpy.int32) for b in batches]
    return cost, xs, ys


@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_crf1d_forward(data, reduce):
    cost, xs, ys = data
    expected = []
    for b in range(3):
        seq = _sequences(xs, b)
        labels = [y[b] for y in ys if y.shape[0] > b]
        scores = [_score(cost, seq, p) for p in
                  itertools.product(range(3), repeat=len(seq))]
        logz = numpy.log(numpy.sum(numpy.exp(scores)))
        expected.append(logz - _score(cost, seq, labels))
    expected = numpy.array(expected)
    loss = functions.crf1d(cost, xs, ys, reduce=reduce)
    if reduce == 'mean':
        expected = expected.mean()
    testing.assert_allclose(expected, loss.array, rtol=1e-6)


@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_crf1d_backward(data, reduce):
    cost, xs, ys = data
    gy = numpy.random.RandomState(1).uniform(
        -1, 1, () if reduce == 'mean' else (3,))
    gradient_check.check_backward(
        lambda c, *xs: functions.crf1d(c, list(xs), ys, reduce=reduce),
        (cost,) + tuple(xs), gy, dtype=numpy.float64)


def test_argmax_crf1d(data):
    cost, xs, _ = data
    score, path = functions.argmax_crf1d(cost, xs)
    assert score.shape == (3,)
    assert [p.shape for p in path] == [x.shape[:1] for x in xs]
    for b in range(3):
        seq = _sequences(xs, b)
        best = max(itertools.product(range(3), repeat=len(seq)),
                   key=lambda p: _score(cost, seq, p))
        got = [p[b] for p in path if p.shape[0] > b]
        assert list(best) == got
        testing.assert_allclose(_score(cost, seq, best), score.array[b])


def test_errors(data):
    cost, xs, ys = data
    with pytest.raises(ValueError):
        functions.crf1d(cost, xs[::-1], ys[::-1])  # increasing batch
    with pytest.raises(ValueError):
        functions.crf1d(cost, xs, ys[:-1])
    bad = [y.copy() for y in ys]
    bad[0][0] = 3
    with pytest.raises(ValueError):
        functions.crf1d(cost, xs, bad)
    with pytest.raises(ValueError):
        functions.crf1d(cost, xs, ys, reduce='sum')
