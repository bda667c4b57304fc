import numpy
import pytest
from scipy import stats

from chainer import utils


PROBS = [1., 2., 3., 0., 4., 0.5]


def _table_probs(sampler):
    # Probability of each outcome implied by the alias table.
    threshold = numpy.asarray(sampler.threshold, numpy.float64)
    values = numpy.asarray(sampler.values)
    n = len(threshold)
    p = numpy.zeros(n)
    numpy.add.at(p, values[0::2], threshold)
    numpy.add.at(p, values[1::2], 1 - threshold)
    return p / n


def test_table():
    sampler = utils.WalkerAlias(PROBS)
    assert sampler.threshold.dtype == numpy.float32
    assert sampler.threshold.shape == (6,)
    assert sampler.values.dtype == numpy.int32
    assert sampler.values.shape == (12,)
    assert not sampler.use_gpu
    expected = numpy.array(PROBS) / numpy.sum(PROBS)
    numpy.testing.assert_allclose(_table_probs(sampler), expected, atol=1e-6)


def test_sample_distribution():
    numpy.random.seed(0)
    sampler = utils.WalkerAlias(PROBS)
    samples = sampler.sample((200, 100))
    assert samples.shape == (200, 100)
    assert samples.dtype == numpy.int32
    counts = numpy.bincount(samples.ravel(), minlength=6)
    assert counts[3] == 0
    expected = numpy.array(PROBS) / numpy.sum(PROBS) * samples.size
    nonzero = expected > 0
    _, p_value = stats.chisquare(counts[nonzero], expected[nonzero])
    assert p_value > 1e-3


def test_single_outcome_and_uniform():
    numpy.random.seed(1)
    assert (utils.WalkerAlias([0., 5., 0.]).sample((50,)) == 1).all()
    counts = numpy.bincount(utils.WalkerAlias([1] * 4).sample(4000), None, 4)
    assert (abs(counts - 1000) < 150).all()


@pytest.mark.parametrize('probs', [[], [-1., 2.], [0., 0.], [1., numpy.nan]])
def test_invalid(probs):
    with pytest.raises(ValueError):
        utils.WalkerAlias(probs)


@pytest.mark.gpu
def test_gpu():
    import cupy
    sampler = utils.WalkerAlias(PROBS)
    sampler.to_gpu()
    assert sampler.use_gpu
    cupy.random.seed(0)
    samples = sampler.sample((20000,))
    assert isinstance(samples, cupy.ndarray)
    counts = numpy.bincount(cupy.asnumpy(samples), minlength=6)
    expected = numpy.array(PROBS) / numpy.sum(PROBS) * 20000
    nonzero = expected > 0
    assert counts[3] == 0
    assert stats.chisquare(counts[nonzero], expected[nonzero])[1] > 1e-3
    sampler.to_cpu()
    assert isinstance(sampler.threshold, numpy.ndarray)
    assert not sampler.use_gpu
