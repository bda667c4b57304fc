import numpy
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


def _ref(loc, scale):
    return stats.laplace(loc.astype(numpy.float64),
                         scale.astype(numpy.float64))


def test_shapes_and_params(shape, dtype):
    loc, scale = _params(shape, dtype)
    d = D.Laplace(loc, scale)
    assert d.batch_shape == shape and d.event_shape == ()
    assert set(d.params) == {'loc', 'scale'}
    assert d.support == 'real'


def test_density_functions(shape, dtype, check_values):
    loc, scale = _params(shape, dtype)
    d = D.Laplace(loc, scale)
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-4, 4, (4,) + shape).astype(dtype)
    q = rng.uniform(0.02, 0.98, (4,) + shape).astype(dtype)
    ref = _ref(loc, scale)
    check_values([(d.log_prob(x), ref.logpdf(x)),
                  (d.prob(x), ref.pdf(x)),
                  (d.cdf(x), ref.cdf(x)),
                  (d.log_cdf(x), ref.logcdf(x)),
                  (d.survival_function(x), ref.sf(x)),
                  (d.log_survival_function(x), ref.logsf(x)),
                  (d.icdf(q), ref.ppf(q))], dtype, _tol(dtype))


def test_tails_stay_finite():
    d = D.Laplace(numpy.zeros(2), numpy.ones(2))
    x = numpy.array([-800., 800.])
    # scipy underflows here; log(exp(-800) / 2) in closed form.
    testing.assert_allclose(d.log_cdf(x).array,
                            [-800 - numpy.log(2), 0.])
    testing.assert_allclose(d.log_survival_function(x).array,
                            [0., -800 - numpy.log(2)])


def test_statistics(shape, dtype):
    loc, scale = _params(shape, dtype)
    d = D.Laplace(loc, scale)
    ref = _ref(loc, scale)
    tol = _tol(dtype)
    testing.assert_allclose(d.entropy.array, ref.entropy(), **tol)
    testing.assert_allclose(d.mean.array, ref.mean(), **tol)
    testing.assert_allclose(d.mode.array, loc, **tol)
    testing.assert_allclose(d.variance.array, ref.var(), **tol)
    testing.assert_allclose(d.stddev.array, ref.std(), **tol)


def test_sample(shape, dtype):
    loc, scale = _params(shape, dtype)
    d = D.Laplace(loc, scale)
    numpy.random.seed(0)
    s = d.sample((100, 200))
    assert s.shape == (100, 200) + shape and s.dtype == dtype
    flat = s.array.reshape((-1,) + shape)
    testing.assert_allclose(numpy.median(flat, 0), loc, atol=0.05, rtol=0)
    testing.assert_allclose(numpy.abs(flat - loc).mean(0), scale,
                            atol=0, rtol=0.03)
    assert numpy.isfinite(flat).all()


def test_sample_is_reparameterised():
    loc = chainer.Variable(numpy.array([0.5, -1.]))
    scale = chainer.Variable(numpy.array([2., 0.5]))
    numpy.random.seed(1)
    s = D.Laplace(loc, scale).sample(5)
    chainer.functions.sum(s).backward()
    testing.assert_allclose(loc.grad, [5., 5.])
    testing.assert_allclose(
        scale.grad, ((s.array - loc.array) / scale.array).sum(0))


def test_backward():
    loc, scale = _params((2, 3), numpy.float64)
    # Points kept away from the kink at x == loc.
    rng = numpy.random.RandomState(2)
    x = loc + rng.choice([-1, 1], (2, 3)) * rng.uniform(0.2, 2, (2, 3))
    gy = numpy.random.RandomState(3).normal(size=(2, 3))
    for f in [lambda m, s, x: D.Laplace(m, s).log_prob(x),
              lambda m, s, x: D.Laplace(m, s).cdf(x),
              lambda m, s, x: D.Laplace(m, s).log_cdf(x),
              lambda m, s, x: D.Laplace(m, s).log_survival_function(x),
              lambda m, s, x: D.Laplace(m, s).entropy * x]:
        gradient_check.check_backward(f, (loc, scale, x), gy)
    q = rng.choice([0.2, 0.7], (2, 3))
    gradient_check.check_backward(
        lambda m, s, q: D.Laplace(m, s).icdf(q), (loc, scale, q), gy)


def _kl_reference(m1, s1, m2, s2):
    diff = numpy.abs(m1 - m2)
    return (numpy.log(s2 / s1) + diff / s2 + s1 / s2 * numpy.exp(-diff / s1)
            - 1)


def test_kl(shape, dtype):
    m1, s1 = _params(shape, dtype, 0)
    m2, s2 = _params(shape, dtype, 1)
    kl = chainer.kl_divergence(D.Laplace(m1, s1), D.Laplace(m2, s2))
    assert kl.shape == shape and kl.dtype == dtype
    testing.assert_allclose(kl.array, _kl_reference(m1, s1, m2, s2),
                            **_tol(dtype))


def test_kl_against_quadrature(check_kl_quadrature):
    check_kl_quadrature(D.Laplace(numpy.array(0.3), numpy.array(0.7)),
                        D.Laplace(numpy.array(-0.5), numpy.array(1.4)),
                        stats.laplace(0.3, 0.7), stats.laplace(-0.5, 1.4),
                        (-40, 40), atol=1e-8, points=[0.3, -0.5])


def test_kl_backward(check_kl_backward):
    check_kl_backward(D.Laplace, _params((3,), numpy.float64, 0),
                      _params((3,), numpy.float64, 1))


def test_sample_draws_as_v5(shape, dtype):
    # v5: numpy's own Laplace sampler, cast to float32 (then to the dtype
    # by its arithmetic); scale * eps + loc.
    loc, scale = _params(shape, dtype)
    ref = numpy.random.RandomState(20)
    eps = ref.laplace(size=(6,) + shape).astype(numpy.float32).astype(dtype)
    next_draw = ref.rand()
    numpy.random.seed(20)
    s = D.Laplace(loc, scale).sample(6)
    assert s.dtype == dtype
    numpy.testing.assert_array_equal(s.array, scale * eps + loc)
    assert numpy.random.rand() == next_draw
