import numpy
import pytest
from scipy import stats

import chainer
from chainer import gradient_check
from chainer import testing
import chainer.distributions as D


def _tol(dtype):
    if dtype == numpy.float32:
        return {'atol': 1e-4, 'rtol': 1e-4}
    return {'atol': 1e-10, 'rtol': 1e-10}


def _params(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    mu = rng.uniform(-1, 1, shape).astype(dtype)
    sigma = rng.uniform(0.3, 1, shape).astype(dtype)
    return mu, sigma


def _ref(mu, sigma):
    mu = mu.astype(numpy.float64)
    return stats.lognorm(sigma.astype(numpy.float64), scale=numpy.exp(mu))


def test_shapes_and_params(shape, dtype):
    mu, sigma = _params(shape, dtype)
    d = D.LogNormal(mu, sigma)
    assert d.batch_shape == shape and d.event_shape == ()
    assert set(d.params) == {'mu', 'sigma'}
    assert d.support == 'positive'


def test_density_functions(shape, dtype, check_values):
    mu, sigma = _params(shape, dtype)
    d = D.LogNormal(mu, sigma)
    rng = numpy.random.RandomState(1)
    x = rng.uniform(0.1, 4, (4,) + shape).astype(dtype)
    q = rng.uniform(0.05, 0.95, (4,) + shape).astype(dtype)
    ref = _ref(mu, sigma)
    check_values([(d.log_prob(x), ref.logpdf(x)),
                  (d.prob(x), ref.pdf(x)),
                  (d.cdf(x), ref.cdf(x)),
                  (d.survival_function(x), ref.sf(x)),
                  (d.icdf(q), ref.ppf(q))], dtype, _tol(dtype))


def test_outside_support():
    d = D.LogNormal(numpy.zeros(3), numpy.ones(3))
    x = numpy.array([-1., 0., 1.])
    lp = d.log_prob(x).array
    assert lp[0] == -numpy.inf and lp[1] == -numpy.inf
    testing.assert_allclose(d.cdf(x).array[:2], [0., 0.])
    mu = chainer.Variable(numpy.zeros(3))
    chainer.functions.sum(D.LogNormal(mu, numpy.ones(3)).log_prob(
        numpy.array([-1., 0.5, 2.]))[1:]).backward()
    assert numpy.isfinite(mu.grad).all() and mu.grad[0] == 0


def test_statistics(shape, dtype):
    mu, sigma = _params(shape, dtype)
    d = D.LogNormal(mu, sigma)
    ref = _ref(mu, sigma)
    tol = _tol(dtype)
    testing.assert_allclose(d.entropy.array, ref.entropy(), **tol)
    testing.assert_allclose(d.mean.array, ref.mean(), **tol)
    testing.assert_allclose(d.variance.array, ref.var(), **tol)
    testing.assert_allclose(d.stddev.array, ref.std(), **tol)
    testing.assert_allclose(
        d.mode.array, numpy.exp(mu - sigma.astype(numpy.float64) ** 2),
        **tol)


def test_sample(shape, dtype):
    mu, sigma = _params(shape, dtype)
    d = D.LogNormal(mu, sigma)
    numpy.random.seed(0)
    s = d.sample(20000)
    assert s.shape == (20000,) + shape and s.dtype == dtype
    assert (s.array > 0).all()
    logs = numpy.log(s.array)
    testing.assert_allclose(logs.mean(0), mu, atol=0.03, rtol=0)
    testing.assert_allclose(logs.std(0), sigma, atol=0, rtol=0.03)


def test_sample_is_reparameterised():
    mu = chainer.Variable(numpy.array([0.1, -0.2]))
    sigma = chainer.Variable(numpy.array([0.5, 0.3]))
    numpy.random.seed(1)
    s = D.LogNormal(mu, sigma).sample(4)
    chainer.functions.sum(s).backward()
    eps = (numpy.log(s.array) - mu.array) / sigma.array
    testing.assert_allclose(mu.grad, s.array.sum(0))
    testing.assert_allclose(sigma.grad, (s.array * eps).sum(0))


def test_backward():
    mu, sigma = _params((2, 3), numpy.float64)
    x = numpy.random.RandomState(2).uniform(0.2, 3, (2, 3))
    gy = numpy.random.RandomState(3).normal(size=(2, 3))
    for f in [lambda m, s, x: D.LogNormal(m, s).log_prob(x),
              lambda m, s, x: D.LogNormal(m, s).cdf(x),
              lambda m, s, x: D.LogNormal(m, s).entropy * x,
              lambda m, s, x: D.LogNormal(m, s).variance * x]:
        gradient_check.check_backward(f, (mu, sigma, x), gy)


def test_kl(shape, dtype):
    m1, s1 = _params(shape, dtype, 0)
    m2, s2 = _params(shape, dtype, 1)
    kl = chainer.kl_divergence(D.LogNormal(m1, s1), D.LogNormal(m2, s2))
    assert kl.shape == shape and kl.dtype == dtype
    want = (numpy.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2)
            / (2 * s2 ** 2) - 0.5)
    testing.assert_allclose(kl.array, want, **_tol(dtype))


def test_kl_against_quadrature(check_kl_quadrature):
    check_kl_quadrature(D.LogNormal(numpy.array(0.2), numpy.array(0.5)),
                        D.LogNormal(numpy.array(-0.1), numpy.array(0.8)),
                        _ref(numpy.array(0.2), numpy.array(0.5)),
                        _ref(numpy.array(-0.1), numpy.array(0.8)),
                        (0, 50), atol=1e-7)


def test_kl_backward(check_kl_backward):
    check_kl_backward(D.LogNormal, _params((3,), numpy.float64, 0),
                      _params((3,), numpy.float64, 1))


def test_bad_arguments():
    with pytest.raises(ValueError, match='broadcast'):
        D.LogNormal(numpy.zeros(2), numpy.ones(3))
    with pytest.raises(TypeError):
        D.LogNormal(numpy.zeros(2))


def test_sample_draws_as_v5(shape, dtype):
    # v5: standard normal draws cast to the dtype; exp(mu + sigma * eps).
    mu, sigma = _params(shape, dtype)
    ref = numpy.random.RandomState(18)
    eps = ref.standard_normal((6,) + shape).astype(dtype)
    next_draw = ref.rand()
    numpy.random.seed(18)
    s = D.LogNormal(mu, sigma).sample(6)
    assert s.dtype == dtype
    numpy.testing.assert_array_equal(s.array, numpy.exp(sigma * eps + mu))
    assert numpy.random.rand() == next_draw
