import numpy
import pytest
from scipy import stats

import chainer
from chainer import gradient_check
from chainer import testing
import chainer.distributions as D


def _tol(dtype):
    if dtype == numpy.float32:
        return {'atol': 1e-5, 'rtol': 1e-5}
    return {'atol': 1e-12, 'rtol': 1e-12}


def _params(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    low = rng.uniform(-1, 0, shape).astype(dtype)
    high = (low + rng.uniform(0.5, 2, shape)).astype(dtype)
    return low, high


def _ref(low, high):
    low, high = low.astype(numpy.float64), high.astype(numpy.float64)
    return stats.uniform(low, high - low)


def test_shapes_and_params(shape, dtype):
    low, high = _params(shape, dtype)
    d = D.Uniform(low=low, high=high)
    assert d.batch_shape == shape and d.event_shape == ()
    assert set(d.params) == {'low', 'high'}
    assert d.support == '[low, high]'
    testing.assert_allclose(d.loc.array, low)
    testing.assert_allclose(d.scale.array, high - low, **_tol(dtype))


def test_loc_scale(shape, dtype):
    low, high = _params(shape, dtype)
    d = D.Uniform(loc=low, scale=high - low)
    testing.assert_allclose(d.low.array, low)
    testing.assert_allclose(d.high.array, high, **_tol(dtype))


def test_density_functions(shape, dtype, check_values):
    low, high = _params(shape, dtype)
    d = D.Uniform(low, high)
    rng = numpy.random.RandomState(1)
    # Points inside and outside the support.
    x = rng.uniform(-2, 2, (6,) + shape).astype(dtype)
    q = rng.uniform(0, 1, (4,) + shape).astype(dtype)
    ref = _ref(low, high)
    with numpy.errstate(divide='ignore'):
        cases = [(d.log_prob(x), ref.logpdf(x)),
                 (d.prob(x), ref.pdf(x)),
                 (d.cdf(x), ref.cdf(x)),
                 (d.survival_function(x), ref.sf(x)),
                 (d.log_cdf(x), ref.logcdf(x)),
                 (d.icdf(q), ref.ppf(q))]
    check_values(cases, dtype, _tol(dtype))


def test_statistics(shape, dtype):
    low, high = _params(shape, dtype)
    d = D.Uniform(low, high)
    ref = _ref(low, high)
    tol = _tol(dtype)
    testing.assert_allclose(d.entropy.array, ref.entropy(), **tol)
    testing.assert_allclose(d.mean.array, ref.mean(), **tol)
    testing.assert_allclose(d.variance.array, ref.var(), **tol)
    testing.assert_allclose(d.stddev.array, ref.std(), **tol)


def test_sample(shape, dtype):
    low, high = _params(shape, dtype)
    d = D.Uniform(low, high)
    numpy.random.seed(0)
    s = d.sample(20000).array
    assert s.shape == (20000,) + shape and s.dtype == dtype
    assert (s >= low).all() and (s <= high).all()
    testing.assert_allclose(s.mean(0), (low + high) / 2, atol=0.02, rtol=0)
    testing.assert_allclose(s.var(0), (high - low) ** 2 / 12, rtol=0.05)


def test_sample_is_reparameterised():
    low = chainer.Variable(numpy.array([0., -1.]))
    high = chainer.Variable(numpy.array([2., 1.]))
    numpy.random.seed(1)
    s = D.Uniform(low, high).sample(5)
    chainer.functions.sum(s).backward()
    u = (s.array - low.array) / (high.array - low.array)
    testing.assert_allclose(high.grad, u.sum(0))
    testing.assert_allclose(low.grad, (1 - u).sum(0))


def test_backward():
    low, high = _params((2, 3), numpy.float64)
    rng = numpy.random.RandomState(2)
    # Inside the support, away from the edges where cdf has kinks.
    x = low + (high - low) * rng.uniform(0.2, 0.8, (2, 3))
    gy = rng.normal(size=(2, 3))
    for f in [lambda a, b: D.Uniform(a, b).log_prob(x),
              lambda a, b: D.Uniform(a, b).cdf(x),
              lambda a, b: D.Uniform(a, b).icdf(x - low),
              lambda a, b: D.Uniform(a, b).entropy,
              lambda a, b: D.Uniform(a, b).variance]:
        gradient_check.check_backward(f, (low, high), gy)


def test_kl(shape, dtype):
    low, high = _params(shape, dtype)
    inner = D.Uniform(low + 0.1, high - 0.2)
    outer = D.Uniform(low, high)
    kl = chainer.kl_divergence(inner, outer)
    assert kl.shape == shape and kl.dtype == dtype
    want = numpy.log((high - low) / (high - low - 0.3))
    testing.assert_allclose(kl.array, want, rtol=1e-4)
    # The support of the first must lie within that of the second.
    assert (chainer.kl_divergence(outer, inner).array == numpy.inf).all()
    testing.assert_allclose(chainer.kl_divergence(outer, outer).array,
                            numpy.zeros(shape))


def test_kl_backward(check_kl_backward):
    low, high = _params((3,), numpy.float64)
    check_kl_backward(D.Uniform, (low + 0.1, high - 0.1),
                      (low - 0.1, high + 0.1))


@pytest.mark.parametrize('kwargs', [
    {},
    {'low': numpy.zeros(2)},
    {'high': numpy.ones(2), 'loc': numpy.zeros(2)},
    {'low': numpy.zeros(2), 'high': numpy.ones(2), 'scale': numpy.ones(2)},
    {'scale': numpy.ones(2)},
])
def test_bad_arguments(kwargs):
    with pytest.raises(ValueError, match='low, high'):
        D.Uniform(**kwargs)


def test_sample_draws_as_v5(shape, dtype):
    # v5: uniform(0, 1) draws cast to the dtype, mapped by the icdf
    # u * (high - low) + low.
    low, high = _params(shape, dtype)
    ref = numpy.random.RandomState(19)
    u = ref.uniform(0, 1, (6,) + shape).astype(dtype)
    next_draw = ref.rand()
    numpy.random.seed(19)
    s = D.Uniform(low=low, high=high).sample(6)
    assert s.dtype == dtype
    numpy.testing.assert_array_equal(s.array, u * (high - low) + low)
    assert numpy.random.rand() == next_draw
