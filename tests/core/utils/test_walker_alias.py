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


def test_v5_table_by_hand():
    # probs 1, 1, 2, 4 -> masses 0.5, 0.5, 1, 2 (exact). Visited from the
    # smallest: 0 and 1 open half-full columns, 2 a full one, and 3 tops up
    # columns 0 and 1 (2 - 0.5 - 0.5 = 1 left) before opening column 3.
    # Columns never topped up take outcome 0 as their second one.
    sampler = utils.WalkerAlias([1, 1, 2, 4])
    numpy.testing.assert_array_equal(sampler.threshold, [.5, .5, 1, 1])
    numpy.testing.assert_array_equal(sampler.values,
                                     [0, 3, 1, 3, 2, 0, 3, 0])


def _v5_table(probs):
    # v5's construction written with lists: sorted (p, index) pairs, float32
    # normalization and stored thresholds, float64 running mass.
    p = numpy.array(probs, numpy.float32)
    p /= p.sum()
    n = len(p)
    pairs = sorted(zip(p.tolist(), range(n)))
    first, second, thr = [], {}, []
    for prob, i in pairs:
        mass = float(numpy.float32(prob)) * n
        while mass > 1 and len(second) < len(first):
            k = len(second)
            second[k] = i
            mass -= 1.0 - thr[k]
        thr.append(float(numpy.float32(mass)))
        first.append(i)
    values = []
    for k in range(n):
        values += [first[k], second.get(k, 0)]
    return numpy.array(thr, numpy.float32), numpy.array(values, numpy.int32)


@pytest.mark.parametrize('probs', [
    PROBS, [3., 1., 3., 1.], [5.], [0.25] * 8,
    numpy.random.RandomState(0).gamma(0.5, size=50).tolist()])
def test_table_and_samples_match_v5(probs):
    sampler = utils.WalkerAlias(probs)
    thr, values = _v5_table(probs)
    numpy.testing.assert_array_equal(sampler.threshold, thr)
    numpy.testing.assert_array_equal(sampler.values, values)
    # v5 samples with one float64 uniform per element: column floor(n u),
    # second outcome when the position in the column exceeds the threshold.
    ref = numpy.random.RandomState(13)
    u = ref.uniform(0, 1, (7, 9)) * len(thr)
    col = numpy.floor(u).astype(numpy.int32)
    expected = numpy.where(u - col > thr[col], values[2 * col + 1],
                           values[2 * col])
    next_draw = ref.rand()
    numpy.random.seed(13)
    samples = sampler.sample((7, 9))
    assert samples.dtype == numpy.int32
    numpy.testing.assert_array_equal(samples, expected)
    assert numpy.random.rand() == next_draw


@pytest.mark.gpu
def test_gpu_samples_match_v5():
    # v5's GPU sampler: one float32 uniform each, column floor(u * n) with
    # a column of n sent to 0, compared in float32.
    import cupy
    sampler = utils.WalkerAlias(PROBS)
    thr, values = sampler.threshold, sampler.values
    sampler.to_gpu()
    cupy.random.seed(5)
    u = cupy.asnumpy(cupy.random.uniform(size=(300,), dtype=numpy.float32))
    pos = u * numpy.float32(len(thr))
    col = numpy.floor(pos).astype(numpy.int32)
    col[col >= len(thr)] = 0
    frac = pos - col.astype(numpy.float32)
    expected = numpy.where(thr[col] < frac, values[2 * col + 1],
                           values[2 * col])
    cupy.random.seed(5)
    numpy.testing.assert_array_equal(cupy.asnumpy(sampler.sample((300,))),
                                     expected)
