import itertools

import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def _ref_nll(cost, xs, ys, batch):
    """-log p(y) of sequence b, enumerating every label path."""
    T = sum(1 for x in xs if len(x) > batch)
    K = cost.shape[0]

    def score(path):
        s = sum(xs[t][batch, path[t]] for t in range(T))
        return s + sum(cost[path[t - 1], path[t]] for t in range(1, T))

    scores = [score(p) for p in itertools.product(range(K), repeat=T)]
    log_z = numpy.logaddexp.reduce(scores)
    return log_z - score([ys[t][batch] for t in range(T)])


@pytest.mark.parametrize('lengths', [(3, 3), (4, 2, 1)])
@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_forward_matches_brute_force(lengths, reduce):
    K = 3
    link = links.CRF1d(K)
    numpy.testing.assert_array_equal(link.cost.array, 0)
    link.cost.array[...] = numpy.random.uniform(-1, 1, (K, K))
    T = lengths[0]
    xs = [numpy.random.uniform(-1, 1, (sum(n > t for n in lengths), K))
          .astype('f') for t in range(T)]
    ys = [numpy.random.randint(0, K, len(x)).astype(numpy.int32)
          for x in xs]
    loss = link(xs, ys, reduce=reduce)
    expected = numpy.array([_ref_nll(link.cost.array, xs, ys, b)
                            for b in range(len(lengths))])
    if reduce == 'mean':
        expected = expected.mean()
    testing.assert_allclose(expected, loss.array, atol=1e-5, rtol=1e-4)


def test_argmax_is_best_path():
    K = 2
    link = links.CRF1d(K)
    link.cost.array[...] = [[2, -2], [-2, 2]]
    xs = [numpy.array([[0, 1]], 'f'), numpy.array([[0.5, 0]], 'f'),
          numpy.array([[0, 0.5]], 'f')]
    score, path = link.argmax(xs)

    def path_score(p):
        return sum(xs[t][0, p[t]] for t in range(3)) + sum(
            link.cost.array[p[t - 1], p[t]] for t in range(1, 3))

    best = max(itertools.product(range(K), repeat=3), key=path_score)
    assert [int(p[0]) for p in path] == list(best)
    assert float(score.array[0]) == pytest.approx(path_score(best))


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.CRF1d(3)
    xs = [numpy.random.uniform(-1, 1, (2, 3)) for _ in range(3)]
    ys = [numpy.random.randint(0, 3, 2).astype(numpy.int32)
          for _ in range(3)]

    def f(*xs):
        return link(list(xs), ys)

    gradient_check.check_backward(f, tuple(xs), None, link.cost,
                                  atol=1e-6, rtol=1e-5)


def test_serialize_round_trip(save_load):
    src = links.CRF1d(3)
    src.cost.array[...] = numpy.arange(9).reshape(3, 3)
    dst = links.CRF1d(3)
    assert list(save_load(src, dst)) == ['cost']
    numpy.testing.assert_array_equal(dst.cost.array, src.cost.array)


def test_doctests(run_doctests):
    run_doctests('chainer.links.loss.crf1d')
