import doctest

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
    loc = rng.uniform(-1, 1, shape).astype(dtype)
    scale = rng.uniform(0.5, 2, shape).astype(dtype)
    return loc, scale


def test_shapes_and_params(shape, dtype):
    loc, scale = _params(shape, dtype)
    v = chainer.Variable(loc)
    d = D.Normal(v, scale)
    assert d.loc is v  # v5 keeps the Variable given
    assert d.batch_shape == shape
    assert d.event_shape == ()
    assert set(d.params) == {'loc', 'scale'}
    assert d.support == 'real'
    assert d.xp is numpy
    assert d.mean is v and d.mode is v
    assert d.stddev is d.scale
    assert 'Normal' in repr(d)


def test_density_functions(shape, dtype, check_values):
    loc, scale = _params(shape, dtype)
    d = D.Normal(loc, scale)
    rng = numpy.random.RandomState(1)
    # A leading sample axis broadcasts against the batch.
    x = rng.normal(size=(4,) + shape).astype(dtype)
    q = rng.uniform(0.05, 0.95, (4,) + shape).astype(dtype)
    ref = stats.norm(loc.astype(numpy.float64), scale.astype(numpy.float64))
    check_values([(d.log_prob(x), ref.logpdf(x)),
                  (d.prob(x), ref.pdf(x)),
                  (d.cdf(x), ref.cdf(x)),
                  (d.log_cdf(x), ref.logcdf(x)),
                  (d.survival_function(x), ref.sf(x)),
                  (d.log_survival_function(x), ref.logsf(x)),
                  (d.icdf(q), ref.ppf(q)),
                  (d.perplexity(x), 1 / ref.pdf(x))], dtype, _tol(dtype))


def test_tails_stay_finite():
    d = D.Normal(numpy.zeros(2), numpy.ones(2))
    x = numpy.array([-40., 40.])
    testing.assert_allclose(d.log_cdf(x).array, stats.norm.logcdf(x))
    testing.assert_allclose(d.log_survival_function(x).array,
                            stats.norm.logsf(x))


def test_statistics(shape, dtype):
    loc, scale = _params(shape, dtype)
    d = D.Normal(loc, scale)
    ref = stats.norm(loc.astype(numpy.float64), scale.astype(numpy.float64))
    tol = _tol(dtype)
    testing.assert_allclose(d.entropy.array, ref.entropy(), **tol)
    testing.assert_allclose(d.variance.array, ref.var(), **tol)
    testing.assert_allclose(d.stddev.array, ref.std(), **tol)
    testing.assert_allclose(d.mean.array, ref.mean(), **tol)
    for v in (d.entropy, d.variance):
        assert v.dtype == dtype and v.shape == shape


def test_log_scale_keyword(dtype):
    loc, scale = _params((3,), dtype)
    d = D.Normal(loc, log_scale=numpy.log(scale))
    testing.assert_allclose(d.scale.array, scale, **_tol(dtype))
    testing.assert_allclose(d.log_prob(loc).array,
                            stats.norm.logpdf(loc, loc, scale), **_tol(dtype))


@pytest.mark.parametrize('args, kwargs', [
    ((numpy.zeros(2),), {}),
    ((numpy.zeros(2), numpy.ones(2)), {'log_scale': numpy.zeros(2)}),
])
def test_scale_xor_log_scale(args, kwargs):
    with pytest.raises(ValueError, match='log_scale'):
        D.Normal(*args, **kwargs)


def test_bad_arguments():
    with pytest.raises(TypeError, match='unexpected keyword'):
        D.Normal(numpy.zeros(2), numpy.ones(2), sigma=1)
    with pytest.raises(ValueError, match='broadcast'):
        D.Normal(numpy.zeros(2), numpy.ones(3))
    with pytest.raises(TypeError, match='same dtype'):
        D.Normal(numpy.zeros(2, numpy.float32), numpy.ones(2))
    with pytest.raises(TypeError, match='float'):
        D.Normal(numpy.zeros(2, numpy.int32), numpy.ones(2, numpy.int32))


def test_broadcast_parameters():
    d = D.Normal(numpy.zeros((2, 3)), numpy.float64(2.))
    assert d.batch_shape == (2, 3)
    testing.assert_allclose(d.variance.array, numpy.full((2, 3), 4.))
    d = D.Normal(0., 1.)
    assert d.loc.dtype == numpy.float32 and d.batch_shape == ()


def test_sample(shape, dtype):
    loc, scale = _params(shape, dtype)
    d = D.Normal(loc, scale)
    numpy.random.seed(0)
    s = d.sample((20000,))
    assert s.shape == (20000,) + shape and s.dtype == dtype
    testing.assert_allclose(s.array.mean(0), loc, atol=0.05, rtol=0)
    testing.assert_allclose(s.array.std(0), scale, atol=0, rtol=0.03)
    assert d.sample().shape == shape
    assert d.sample_n(3).shape == (3,) + shape


def test_sample_is_reparameterised():
    loc = chainer.Variable(numpy.array([0.5, -1.]))
    scale = chainer.Variable(numpy.array([2., 0.5]))
    numpy.random.seed(1)
    s = D.Normal(loc, scale).sample(5)
    chainer.functions.sum(s).backward()
    eps = (s.array - loc.array) / scale.array
    testing.assert_allclose(loc.grad, [5., 5.])
    testing.assert_allclose(scale.grad, eps.sum(0))


def test_backward():
    loc, scale = _params((2, 3), numpy.float64)
    x = numpy.random.RandomState(2).normal(size=(2, 3))
    gy = numpy.random.RandomState(3).normal(size=(2, 3))
    for f in [lambda m, s, x: D.Normal(m, s).log_prob(x),
              lambda m, s, x: D.Normal(m, s).cdf(x),
              lambda m, s, x: D.Normal(m, s).log_survival_function(x),
              lambda m, s, x: D.Normal(m, s).entropy * x]:
        gradient_check.check_backward(f, (loc, scale, x), gy,
                                      dtype=numpy.float64)
    q = numpy.random.RandomState(4).uniform(0.1, 0.9, (2, 3))
    gradient_check.check_backward(
        lambda m, s, q: D.Normal(m, s).icdf(q), (loc, scale, q), gy)
    gradient_check.check_backward(
        lambda m, s: D.Normal(m, log_scale=s).log_prob(x),
        (loc, numpy.log(scale)), gy)


def _kl_reference(m1, s1, m2, s2):
    return numpy.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) \
        - 0.5


def test_kl(shape, dtype):
    m1, s1 = _params(shape, dtype, 0)
    m2, s2 = _params(shape, dtype, 1)
    d1, d2 = D.Normal(m1, s1), D.Normal(m2, s2)
    kl = chainer.kl_divergence(d1, d2)
    assert kl.shape == shape and kl.dtype == dtype
    testing.assert_allclose(kl.array, _kl_reference(m1, s1, m2, s2),
                            **_tol(dtype))
    testing.assert_allclose(chainer.kl_divergence(d1, d1).array,
                            numpy.zeros(shape), atol=1e-6)
    testing.assert_allclose(chainer.cross_entropy(d1, d2).array,
                            (d1.entropy + kl).array, **_tol(dtype))


def test_kl_against_quadrature(check_kl_quadrature):
    check_kl_quadrature(D.Normal(numpy.array(0.3), numpy.array(0.7)),
                        D.Normal(numpy.array(-0.5), numpy.array(1.4)),
                        stats.norm(0.3, 0.7), stats.norm(-0.5, 1.4),
                        (-20, 20), atol=1e-8)


def test_kl_backward(check_kl_backward):
    check_kl_backward(D.Normal, _params((3,), numpy.float64, 0),
                      _params((3,), numpy.float64, 1))


def test_doctest():
    runner = doctest.DocTestRunner()
    for test in doctest.DocTestFinder().find(
            D.Normal, globs={'np': numpy, 'chainer': chainer}):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0 and result.failed == 0


def test_sample_draws_as_v5(shape, dtype):
    # v5: standard normal draws of shape (n,) + batch, cast to float32
    # (then to the parameters' dtype by its arithmetic); loc + scale * eps.
    loc, scale = _params(shape, dtype)
    ref = numpy.random.RandomState(17)
    eps = ref.standard_normal((6,) + shape).astype(numpy.float32)
    eps = eps.astype(dtype)
    next_draw = ref.rand()
    numpy.random.seed(17)
    s = D.Normal(loc, scale).sample(6)
    assert s.dtype == dtype
    numpy.testing.assert_array_equal(s.array, loc + scale * eps)
    assert numpy.random.rand() == next_draw
