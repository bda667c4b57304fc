import doctest

import numpy
import pytest
from scipy import stats

import chainer
from chainer import distribution
from chainer import testing
import chainer.distributions as D
import chainer.functions as F


class _Exponential(chainer.Distribution):

    """A minimal user-defined distribution: only the required parts."""

    def __init__(self, rate):
        self.rate = chainer.as_variable(rate)

    @property
    def batch_shape(self):
        return self.rate.shape

    @property
    def event_shape(self):
        return ()

    @property
    def params(self):
        return {'rate': self.rate}

    @property
    def entropy(self):
        return 1. - F.log(self.rate)

    @property
    def variance(self):
        return 1. / F.square(self.rate)

    def log_prob(self, x):
        return F.log(self.rate) - self.rate * x

    def cdf(self, x):
        return 1. - F.exp(-self.rate * x)

    def sample_n(self, n):
        self.last_n = n
        eps = numpy.random.exponential(size=(n,) + self.rate.shape)
        return eps / self.rate[None]


@pytest.fixture
def dist():
    return _Exponential(numpy.array([0.5, 1., 2.]))


def test_public_names():
    assert chainer.Distribution is distribution.Distribution
    assert chainer.kl_divergence is distribution.kl_divergence
    assert chainer.register_kl is distribution.register_kl
    assert chainer.cross_entropy is distribution.cross_entropy


@pytest.mark.parametrize('sample_shape, n, shape', [
    ((), 1, (3,)),
    (4, 4, (4, 3)),
    ((4,), 4, (4, 3)),
    ((2, 5), 10, (2, 5, 3)),
    (numpy.int64(3), 3, (3, 3)),
])
def test_sample_reshapes_sample_n(dist, sample_shape, n, shape):
    s = dist.sample(sample_shape)
    assert dist.last_n == n
    assert isinstance(s, chainer.Variable)
    assert s.shape == shape


def test_default_methods(dist):
    x = numpy.array([0.3, 1.2, 2.5])
    rate = dist.rate.array
    testing.assert_allclose(dist.prob(x).array,
                            stats.expon.pdf(x, scale=1 / rate))
    testing.assert_allclose(dist.log_cdf(x).array,
                            stats.expon.logcdf(x, scale=1 / rate))
    testing.assert_allclose(dist.survival_function(x).array,
                            stats.expon.sf(x, scale=1 / rate))
    testing.assert_allclose(dist.log_survival_function(x).array,
                            stats.expon.logsf(x, scale=1 / rate))
    testing.assert_allclose(dist.stddev.array, 1 / rate)
    testing.assert_allclose(dist.perplexity(x).array,
                            1 / stats.expon.pdf(x, scale=1 / rate))
    assert dist.xp is numpy


@pytest.mark.parametrize('name', [
    'batch_shape', 'event_shape', 'params', 'covariance', 'entropy', 'mean',
    'mode', 'support', 'variance'])
def test_abstract_properties(name):
    with pytest.raises(NotImplementedError):
        getattr(chainer.Distribution(), name)


@pytest.mark.parametrize('name', [
    'cdf', 'icdf', 'log_prob', 'sample_n'])
def test_abstract_methods(name):
    with pytest.raises(NotImplementedError):
        getattr(chainer.Distribution(), name)(numpy.zeros(1))


def test_repr(dist):
    assert repr(dist) == '_Exponential(batch_shape=(3,), event_shape=())'
    assert repr(chainer.Distribution()) == 'Distribution()'


def test_register_kl_and_cross_entropy(dist):
    calls = []

    @chainer.register_kl(_Exponential, _Exponential)
    def kl(d1, d2):
        calls.append((d1, d2))
        r = d2.rate / d1.rate
        return F.log(d1.rate) - F.log(d2.rate) + r - 1.

    assert callable(kl)  # the decorator gives the function back
    other = _Exponential(numpy.array([1., 1., 1.]))
    try:
        value = chainer.kl_divergence(dist, other)
        assert calls == [(dist, other)]
        r1, r2 = dist.rate.array, other.rate.array
        expected_kl = numpy.log(r1 / r2) + r2 / r1 - 1
        testing.assert_allclose(value.array, expected_kl)
        # H(p, q) = -E_p[log q] = -log r2 + r2 / r1 for exponentials.
        testing.assert_allclose(
            chainer.cross_entropy(dist, other).array,
            -numpy.log(r2) + r2 / r1)
    finally:
        del distribution._KLDIVERGENCE[_Exponential, _Exponential]


def test_kl_unregistered_pair():
    n = D.Normal(numpy.zeros(2), numpy.ones(2))
    u = D.Uniform(numpy.zeros(2), numpy.ones(2))
    with pytest.raises(NotImplementedError, match='Normal and Uniform'):
        chainer.kl_divergence(n, u)
    # v5 raised KeyError here; old handlers keep working.
    with pytest.raises(KeyError):
        chainer.kl_divergence(n, u)
    with pytest.raises(NotImplementedError):
        chainer.cross_entropy(n, u)


def test_kl_is_looked_up_by_exact_type():
    class MyNormal(D.Normal):
        pass
    d = MyNormal(numpy.zeros(2), numpy.ones(2))
    with pytest.raises(NotImplementedError):
        chainer.kl_divergence(d, d)


def test_doctests():
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs = {'np': numpy, 'chainer': chainer, 'F': F}
    for test in finder.find(distribution, globs=globs):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0
