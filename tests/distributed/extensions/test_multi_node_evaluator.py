import numpy
import pytest

import chainer
from chainer import reporter
from chainer.training import extensions
import chainermn
from chainermn.extensions import multi_node_evaluator as mne

pytestmark = pytest.mark.mpi


class _Target(chainer.Link):

    """Reports the mean of its inputs as 'value' (and a per-rank key)."""

    def __init__(self, extra_key=None):
        super(_Target, self).__init__()
        self.extra_key = extra_key

    def forward(self, x):
        reporter.report({'value': numpy.float32(x.mean())}, self)
        if self.extra_key:
            reporter.report({self.extra_key: 1.0}, self)
        return chainer.Variable(numpy.zeros((), numpy.float32))


def _evaluator(comm, data, target):
    it = chainer.iterators.SerialIterator(data, 2, repeat=False,
                                          shuffle=False)
    ev = extensions.Evaluator(it, target)
    return chainermn.create_multi_node_evaluator(ev, comm)


def test_weighted_by_sample_count(comm):
    # Rank r evaluates r + 2 samples, each of value r: with unequal
    # shards the unweighted v5 mean would be wrong.
    n = comm.rank + 2
    data = [numpy.full((1,), comm.rank, numpy.float32)] * n
    result = _evaluator(comm, data, _Target())()
    counts = [r + 2 for r in range(comm.size)]
    expected = sum(c * r for r, c in enumerate(counts)) / sum(counts)
    assert result['main/value'] == pytest.approx(expected, rel=1e-6)


def test_ranks_with_different_keys_do_not_hang(comm):
    data = [numpy.zeros(1, numpy.float32)] * 2
    result = _evaluator(comm, data, _Target('only%d' % comm.rank))()
    for r in range(comm.size):
        assert result['main/only%d' % r] == pytest.approx(1.0)


def test_combine_without_counts():
    out = mne._combine([(0, {'a': 1.0}), (0, {'a': 3.0, 'b': 2.0})])
    assert out == {'a': 2.0, 'b': 2.0}
    out = mne._combine([(3, {'a': numpy.float32(1)}),
                        (1, {'a': numpy.float32(5)})])
    assert out['a'] == pytest.approx(2.0)
    assert out['a'].dtype == numpy.float32
