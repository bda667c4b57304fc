import numpy
import pytest
from scipy import special
from scipy import stats

import chainer
from chainer import gradient_check
from chainer import testing
import chainer.distributions as D


K = 4


def _tol(dtype):
    if dtype == numpy.float32:
        return {'atol': 1e-4, 'rtol': 1e-4}
    return {'atol': 1e-9, 'rtol': 1e-9}


def _alpha(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    return rng.uniform(0.5, 3, shape + (K,)).astype(dtype)


def _each(f, alpha, *xs):
    """Applies a scipy function of one alpha vector over the batch."""
    out = numpy.empty(numpy.broadcast_shapes(
        alpha.shape[:-1], *[x.shape[:-1] for x in xs]))
    for idx in numpy.ndindex(*out.shape):
        a = alpha[idx[out.ndim - (alpha.ndim - 1):]].astype(numpy.float64)
        # scipy wants points on the simplex to float64 precision.
        pts = [x[idx].astype(numpy.float64) for x in xs]
        out[idx] = f(a, *[v / v.sum() for v in pts])
    return out


def test_shapes_and_params(shape, dtype):
    d = D.Dirichlet(_alpha(shape, dtype))
    assert d.batch_shape == shape and d.event_shape == (K,)
    assert set(d.params) == {'alpha'}
    assert d.support == '[0, 1]'


def test_log_prob(shape, dtype):
    alpha = _alpha(shape, dtype)
    d = D.Dirichlet(alpha)
    rng = numpy.random.RandomState(1)
    x = rng.dirichlet(numpy.ones(K), (5,) + shape).astype(dtype)
    want = _each(lambda a, x: stats.dirichlet.logpdf(x, a), alpha, x)
    lp = d.log_prob(x)
    assert lp.dtype == dtype and lp.shape == (5,) + shape
    testing.assert_allclose(lp.array, want, **_tol(dtype))
    testing.assert_allclose(d.prob(x).array, numpy.exp(want), rtol=1e-4)


def test_outside_support():
    d = D.Dirichlet(numpy.array([[2., 3., 1.], [1., 1., 1.]]))
    x = numpy.array([[-0.2, 0.6, 0.6], [0., 0.5, 0.5]])
    lp = d.log_prob(x).array
    assert lp[0] == -numpy.inf
    # alpha_i == 1 at x_i == 0 is a finite density (Gamma(3) / 1 = 2).
    testing.assert_allclose(lp[1], numpy.log(2.))


def test_statistics(shape, dtype):
    alpha = _alpha(shape, dtype)
    d = D.Dirichlet(alpha)
    tol = _tol(dtype)
    testing.assert_allclose(
        d.entropy.array, _each(stats.dirichlet.entropy, alpha), **tol)
    a0 = alpha.astype(numpy.float64).sum(-1, keepdims=True)
    testing.assert_allclose(d.mean.array, alpha / a0, **tol)
    var = alpha * (a0 - alpha) / (a0 ** 2 * (a0 + 1))
    testing.assert_allclose(d.variance.array, var, **tol)
    if shape == ():
        testing.assert_allclose(d.variance.array,
                                stats.dirichlet.var(alpha), **tol)
    assert d.entropy.dtype == dtype and d.entropy.shape == shape


def test_sample(shape, dtype):
    alpha = _alpha(shape, dtype)
    numpy.random.seed(0)
    s = D.Dirichlet(alpha).sample(20000)
    assert s.shape == (20000,) + shape + (K,) and s.dtype == dtype
    assert s.creator is None  # not reparameterised
    testing.assert_allclose(s.array.sum(-1), numpy.ones((20000,) + shape),
                            atol=1e-5)
    a0 = alpha.sum(-1, keepdims=True)
    testing.assert_allclose(s.array.mean(0), alpha / a0, atol=0.01, rtol=0)


def test_backward():
    alpha = _alpha((2, 3), numpy.float64)
    x = numpy.random.RandomState(2).dirichlet(numpy.ones(K), (2, 3))
    gy = numpy.random.RandomState(3).normal(size=(2, 3))
    for f in [lambda a: D.Dirichlet(a).log_prob(x),
              lambda a: D.Dirichlet(a).entropy]:
        gradient_check.check_backward(f, alpha, gy)
    gradient_check.check_backward(
        lambda a: D.Dirichlet(a).variance, alpha,
        numpy.random.RandomState(4).normal(size=(2, 3, K)))


def _kl_reference(a1, a2):
    s1, s2 = a1.sum(-1), a2.sum(-1)
    return (special.gammaln(s1) - special.gammaln(a1).sum(-1)
            - special.gammaln(s2) + special.gammaln(a2).sum(-1)
            + ((a1 - a2) * (special.digamma(a1)
                            - special.digamma(s1)[..., None])).sum(-1))


def test_kl(shape, dtype):
    a1, a2 = _alpha(shape, dtype, 0), _alpha(shape, dtype, 1)
    kl = chainer.kl_divergence(D.Dirichlet(a1), D.Dirichlet(a2))
    assert kl.shape == shape and kl.dtype == dtype
    testing.assert_allclose(
        kl.array, _kl_reference(a1.astype(numpy.float64), a2), **_tol(dtype))


def test_kl_monte_carlo():
    # An estimate from samples, independent of the closed form.
    a1, a2 = numpy.array([1.5, 2., 3.]), numpy.array([2., 1., 1.5])
    rng = numpy.random.RandomState(0)
    x = rng.dirichlet(a1, 200000)
    mc = (stats.dirichlet.logpdf(x.T, a1)
          - stats.dirichlet.logpdf(x.T, a2)).mean()
    kl = chainer.kl_divergence(D.Dirichlet(a1), D.Dirichlet(a2)).array
    testing.assert_allclose(kl, mc, atol=0.01, rtol=0)


def test_kl_backward(check_kl_backward):
    a1, a2 = _alpha((3,), numpy.float64, 0), _alpha((3,), numpy.float64, 1)
    check_kl_backward(D.Dirichlet, (a1,), (a2,))


def test_bad_arguments():
    with pytest.raises(ValueError, match='axis'):
        D.Dirichlet(numpy.array(1.))
    with pytest.raises(TypeError, match='float'):
        D.Dirichlet(numpy.ones(3, numpy.int32))


def test_sample_draws_as_v5(shape, dtype):
    # v5: for each distribution of the batch in C order, one
    # dirichlet(alpha_row, size=n) call, rounded to float32.
    alpha = _alpha(shape, dtype)
    ref = numpy.random.RandomState(24)
    rows = alpha.reshape(-1, K)
    draws = numpy.empty((6, len(rows), K))
    for r, row in enumerate(rows):
        draws[:, r] = ref.dirichlet(row, size=6)
    expected = draws.astype(numpy.float32).astype(dtype)
    expected = expected.reshape((6,) + shape + (K,))
    next_draw = ref.rand()
    numpy.random.seed(24)
    s = D.Dirichlet(alpha).sample(6)
    assert s.dtype == dtype
    numpy.testing.assert_array_equal(s.array, expected)
    assert numpy.random.rand() == next_draw
