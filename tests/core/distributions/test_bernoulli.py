import numpy
import pytest
from scipy import special
from scipy import stats

import chainer
from chainer import gradient_check
from chainer import testing
import chainer.distributions as D


def _tol(dtype):
    if dtype == numpy.float32:
        return {'atol': 1e-5, 'rtol': 1e-4}
    return {'atol': 1e-12, 'rtol': 1e-10}


def _p(shape, dtype, seed=0):
    return numpy.random.RandomState(seed).uniform(
        0.1, 0.9, shape).astype(dtype)


def _x(shape, seed=1):
    return numpy.random.RandomState(seed).randint(0, 2, (4,) + shape)


@pytest.fixture(params=['p', 'logit'])
def make(request):
    """Builds the distribution from p, or from the logit of p."""
    if request.param == 'p':
        return lambda p, **kw: D.Bernoulli(p, **kw)
    return lambda p, **kw: D.Bernoulli(logit=special.logit(p), **kw)


def test_shapes_and_params(shape, dtype, make):
    p = _p(shape, dtype)
    d = make(p)
    assert d.batch_shape == shape and d.event_shape == ()
    assert set(d.params) == {'logit'}
    assert d.support == '{0, 1}'
    testing.assert_allclose(d.p.array, p, **_tol(dtype))
    testing.assert_allclose(d.logit.array, special.logit(p), rtol=1e-4)


def test_log_prob(shape, dtype, make):
    p = _p(shape, dtype)
    d = make(p)
    x = _x(shape)
    for xx in (x, x.astype(dtype)):
        lp = d.log_prob(xx)
        assert lp.dtype == dtype and lp.shape == (4,) + shape
        testing.assert_allclose(lp.array, stats.bernoulli.logpmf(x, p),
                                **_tol(dtype))
    testing.assert_allclose(d.prob(x).array, stats.bernoulli.pmf(x, p),
                            **_tol(dtype))


def test_cdf(dtype):
    p = numpy.array([0.3, 0.3, 0.3, 0.3], dtype)
    d = D.Bernoulli(p)
    x = numpy.array([-0.5, 0., 0.5, 1.], dtype)
    testing.assert_allclose(d.cdf(x).array, stats.bernoulli.cdf(x, p))


def test_binary_check():
    p = numpy.array([0.3, 0.6, 0.6])
    x = numpy.array([0.5, 1., 2.])
    lp = D.Bernoulli(p, binary_check=True).log_prob(x).array
    assert lp[0] == -numpy.inf and lp[2] == -numpy.inf
    testing.assert_allclose(lp[1], numpy.log(0.6))
    # Without the check the formula is evaluated as is (v5).
    lp = D.Bernoulli(p).log_prob(x).array
    testing.assert_allclose(
        lp, x * numpy.log(p) + (1 - x) * numpy.log1p(-p))


def test_extreme_probabilities():
    d = D.Bernoulli(numpy.array([0., 1., 0., 1.]))
    with numpy.errstate(divide='ignore'):
        lp = d.log_prob(numpy.array([0., 1., 1., 0.])).array
    testing.assert_allclose(lp, [0., 0., -numpy.inf, -numpy.inf])
    testing.assert_allclose(d.entropy.array, numpy.zeros(4))
    d = D.Bernoulli(logit=numpy.array([-1e4, 1e4]))
    testing.assert_allclose(d.log_prob(numpy.array([1., 1.])).array,
                            [-1e4, 0.])


def test_statistics(shape, dtype, make):
    p = _p(shape, dtype)
    d = make(p)
    ref = stats.bernoulli(p.astype(numpy.float64))
    tol = _tol(dtype)
    testing.assert_allclose(d.entropy.array, ref.entropy(), **tol)
    testing.assert_allclose(d.mean.array, ref.mean(), **tol)
    testing.assert_allclose(d.variance.array, ref.var(), **tol)
    testing.assert_allclose(d.stddev.array, ref.std(), **tol)
    testing.assert_allclose(d.mode.array, (p > 0.5).astype(dtype))
    assert d.entropy.dtype == dtype and d.entropy.shape == shape


def test_sample(shape, dtype):
    p = _p(shape, dtype)
    numpy.random.seed(0)
    s = D.Bernoulli(p).sample(20000)
    # v5 returns the binomial sampler's integers.
    assert s.shape == (20000,) + shape and s.dtype.kind == 'i'
    assert set(numpy.unique(s.array)) <= {0, 1}
    testing.assert_allclose(s.array.mean(0), p, atol=0.015, rtol=0)
    assert s.creator is None  # not reparameterised


def test_backward():
    p = _p((2, 3), numpy.float64)
    x = _x((2, 3))[0].astype(numpy.float64)
    gy = numpy.random.RandomState(3).normal(size=(2, 3))
    for f in [lambda p: D.Bernoulli(p).log_prob(x),
              lambda p: D.Bernoulli(p).entropy,
              lambda l: D.Bernoulli(logit=l).log_prob(x),
              lambda l: D.Bernoulli(logit=l).entropy]:
        gradient_check.check_backward(f, p, gy)
    # Gradient with respect to the point too (log_prob is linear in x).
    gradient_check.check_backward(
        lambda l, x: D.Bernoulli(logit=l).log_prob(x), (p - 0.5, x), gy)


def test_double_backward():
    logit = numpy.array([-0.5, 1.2])
    x = numpy.array([1., 0.])
    gradient_check.check_double_backward(
        lambda l: D.Bernoulli(logit=l).log_prob(x), logit,
        numpy.array([1., -0.5]), numpy.array([0.3, 0.7]))


def test_kl(shape, dtype, make):
    p1, p2 = _p(shape, dtype, 0), _p(shape, dtype, 1)
    kl = chainer.kl_divergence(make(p1), make(p2))
    assert kl.shape == shape and kl.dtype == dtype
    p1, p2 = p1.astype(numpy.float64), p2.astype(numpy.float64)
    want = (p1 * numpy.log(p1 / p2)
            + (1 - p1) * numpy.log((1 - p1) / (1 - p2)))
    testing.assert_allclose(kl.array, want, atol=1e-5, rtol=1e-4)


def test_kl_degenerate():
    d1 = D.Bernoulli(numpy.array([0., 1., 0.5]))
    d2 = D.Bernoulli(numpy.array([0.5, 0.5, 0.]))
    with numpy.errstate(divide='ignore'):
        kl = chainer.kl_divergence(d1, d2).array
    testing.assert_allclose(kl, [numpy.log(2), numpy.log(2), numpy.inf])


def test_kl_backward(check_kl_backward):
    p1, p2 = _p((3,), numpy.float64, 0), _p((3,), numpy.float64, 1)
    check_kl_backward(D.Bernoulli, (p1,), (p2,))
    check_kl_backward(lambda a: D.Bernoulli(logit=a), (p1 - 0.5,),
                      (p2 - 0.5,))


@pytest.mark.parametrize('kwargs', [
    {}, {'p': numpy.ones(2) / 2, 'logit': numpy.zeros(2)}])
def test_p_xor_logit(kwargs):
    with pytest.raises(ValueError, match='logit'):
        D.Bernoulli(**kwargs)


def test_sample_draws_as_v5(shape, dtype):
    # v5: binomial(1, p) of shape (n,) + batch, integers returned as is;
    # log_prob takes them back.
    p = _p(shape, dtype)
    ref = numpy.random.RandomState(22)
    expected = ref.binomial(1, p, size=(6,) + shape)
    next_draw = ref.rand()
    numpy.random.seed(22)
    d = D.Bernoulli(p)
    s = d.sample(6)
    assert s.dtype == expected.dtype
    numpy.testing.assert_array_equal(s.array, expected)
    assert numpy.random.rand() == next_draw
    lp = d.log_prob(s)
    assert lp.dtype == dtype
    testing.assert_allclose(
        lp.array, numpy.where(expected == 1, numpy.log(p), numpy.log1p(-p)),
        **_tol(dtype))
