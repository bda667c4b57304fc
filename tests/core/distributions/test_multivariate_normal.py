import numpy
import pytest
from scipy import stats

import chainer
from chainer import gradient_check
from chainer import testing
import chainer.distributions as D


DIM = 3


def _tol(dtype):
    if dtype == numpy.float32:
        return {'atol': 1e-4, 'rtol': 1e-4}
    return {'atol': 1e-9, 'rtol': 1e-9}


def _params(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    loc = rng.uniform(-1, 1, shape + (DIM,))
    a = rng.uniform(-1, 1, shape + (DIM, DIM))
    cov = a @ numpy.swapaxes(a, -1, -2) + numpy.eye(DIM)
    return loc.astype(dtype), numpy.linalg.cholesky(cov).astype(dtype)


def _cov(tril):
    t = tril.astype(numpy.float64)
    return t @ numpy.swapaxes(t, -1, -2)


def _each(f, loc, tril, *xs):
    """Applies a scipy function of one (loc, cov) over the batch."""
    batch = loc.shape[:-1]
    out = numpy.empty(numpy.broadcast_shapes(
        batch, *[x.shape[:-1] for x in xs]))
    for idx in numpy.ndindex(*out.shape):
        b = idx[out.ndim - len(batch):]
        out[idx] = f(loc[b].astype(numpy.float64), _cov(tril[b]),
                     *[x[idx] for x in xs])
    return out


def test_shapes_and_params(shape, dtype):
    loc, tril = _params(shape, dtype)
    d = D.MultivariateNormal(loc, scale_tril=tril)
    assert d.batch_shape == shape and d.event_shape == (DIM,)
    assert set(d.params) == {'loc', 'scale_tril'}
    assert d.support == 'real'
    assert d.xp is numpy


def test_log_prob(shape, dtype):
    loc, tril = _params(shape, dtype)
    d = D.MultivariateNormal(loc, scale_tril=tril)
    x = numpy.random.RandomState(1).normal(size=(4,) + shape + (DIM,))
    x = x.astype(dtype)
    want = _each(lambda m, c, x: stats.multivariate_normal.logpdf(x, m, c),
                 loc, tril, x)
    lp = d.log_prob(x)
    assert lp.dtype == dtype and lp.shape == (4,) + shape
    testing.assert_allclose(lp.array, want, **_tol(dtype))
    testing.assert_allclose(d.prob(x).array, numpy.exp(want), rtol=1e-4)


def test_statistics(shape, dtype):
    loc, tril = _params(shape, dtype)
    d = D.MultivariateNormal(loc, scale_tril=tril)
    tol = _tol(dtype)
    testing.assert_allclose(
        d.entropy.array,
        _each(lambda m, c: stats.multivariate_normal.entropy(m, c),
              loc, tril), **tol)
    testing.assert_allclose(d.covariance.array, _cov(tril), **tol)
    testing.assert_allclose(
        d.variance.array, numpy.diagonal(_cov(tril), 0, -2, -1), **tol)
    testing.assert_allclose(d.mean.array, loc)
    assert d.entropy.dtype == dtype and d.entropy.shape == shape


def test_upper_triangle_is_ignored():
    loc, tril = _params((2,), numpy.float64)
    junk = tril + numpy.triu(numpy.ones((DIM, DIM)), 1)
    t = chainer.Variable(junk)
    x = numpy.random.RandomState(1).normal(size=(2, DIM))
    d = D.MultivariateNormal(loc, scale_tril=t)
    lp = d.log_prob(x)
    testing.assert_allclose(
        lp.array,
        D.MultivariateNormal(loc, scale_tril=tril).log_prob(x).array)
    chainer.functions.sum(lp + d.entropy).backward()
    assert (numpy.triu(t.grad, 1) == 0).all()
    assert (numpy.tril(t.grad) != 0).any()


def test_sample(shape, dtype):
    loc, tril = _params(shape, dtype)
    numpy.random.seed(0)
    s = D.MultivariateNormal(loc, scale_tril=tril).sample(20000)
    assert s.shape == (20000,) + shape + (DIM,) and s.dtype == dtype
    a = s.array.astype(numpy.float64)
    testing.assert_allclose(a.mean(0), loc, atol=0.05, rtol=0)
    c = a - a.mean(0)
    cov = numpy.einsum('n...i,n...j->...ij', c, c) / len(a)
    testing.assert_allclose(cov, _cov(tril), atol=0.1, rtol=0.05)


def test_sample_is_reparameterised():
    loc, tril = _params((), numpy.float64)
    lv, tv = chainer.Variable(loc), chainer.Variable(tril)
    numpy.random.seed(1)
    s = D.MultivariateNormal(lv, scale_tril=tv).sample(4)
    chainer.functions.sum(s).backward()
    eps = numpy.linalg.solve(tril, (s.array - loc).T).T
    testing.assert_allclose(lv.grad, numpy.full(DIM, 4.))
    # d sum(L eps) / dL_ij = sum over samples of eps_j. v5 multiplies the
    # noise by scale_tril as given, so the upper triangle gets it too.
    testing.assert_allclose(tv.grad, numpy.tile(eps.sum(0), (DIM, 1)))


def test_backward():
    loc, tril = _params((2,), numpy.float64)
    x = numpy.random.RandomState(2).normal(size=(2, DIM))
    gy = numpy.random.RandomState(3).normal(size=2)
    mask = numpy.tril(numpy.ones((DIM, DIM)))
    # Directions on the lower triangle only: the upper one is not read.
    for f in [lambda m, t, x: D.MultivariateNormal(
                  m, scale_tril=t * mask).log_prob(x),
              lambda m, t, x: D.MultivariateNormal(
                  m, scale_tril=t * mask).entropy * x[:, 0]]:
        gradient_check.check_backward(f, (loc, tril, x), gy)
    gradient_check.check_backward(
        lambda t: D.MultivariateNormal(loc, scale_tril=t * mask).covariance,
        tril, numpy.random.RandomState(4).normal(size=(2, DIM, DIM)))


def _kl_reference(m1, t1, m2, t2):
    out = numpy.empty(m1.shape[:-1])
    for idx in numpy.ndindex(*out.shape):
        c1, c2 = _cov(t1[idx]), _cov(t2[idx])
        c2inv = numpy.linalg.inv(c2)
        diff = (m2[idx] - m1[idx]).astype(numpy.float64)
        out[idx] = 0.5 * (numpy.trace(c2inv @ c1) + diff @ c2inv @ diff
                          - DIM + numpy.log(numpy.linalg.det(c2)
                                            / numpy.linalg.det(c1)))
    return out


def test_kl(shape, dtype):
    m1, t1 = _params(shape, dtype, 0)
    m2, t2 = _params(shape, dtype, 1)
    d1 = D.MultivariateNormal(m1, scale_tril=t1)
    d2 = D.MultivariateNormal(m2, scale_tril=t2)
    kl = chainer.kl_divergence(d1, d2)
    assert kl.shape == shape and kl.dtype == dtype
    testing.assert_allclose(kl.array, _kl_reference(m1, t1, m2, t2),
                            **_tol(dtype))
    testing.assert_allclose(chainer.kl_divergence(d1, d1).array,
                            numpy.zeros(shape), atol=1e-5)


def test_kl_backward(check_kl_backward):
    mask = numpy.tril(numpy.ones((DIM, DIM)))
    check_kl_backward(
        lambda loc, tril: D.MultivariateNormal(loc, scale_tril=tril * mask),
        _params((2,), numpy.float64, 0), _params((2,), numpy.float64, 1))


def test_bad_arguments():
    loc, tril = _params((2,), numpy.float64)
    with pytest.raises(ValueError, match='scale_tril'):
        D.MultivariateNormal(loc)
    with pytest.raises(ValueError, match='shape'):
        D.MultivariateNormal(loc, scale_tril=tril[0])
    with pytest.raises(ValueError, match='shape'):
        D.MultivariateNormal(loc[:, :2], scale_tril=tril)
    with pytest.raises(TypeError, match='same dtype'):
        D.MultivariateNormal(loc, scale_tril=tril.astype(numpy.float32))


def test_sample_draws_as_v5(shape, dtype):
    # v5: standard normal noise of shape (n,) + loc.shape + (1,), cast to
    # float32, then loc + (scale_tril @ eps)[..., 0].
    loc, tril = _params(shape, dtype)
    ref = numpy.random.RandomState(25)
    eps = ref.standard_normal((6,) + shape + (DIM, 1))
    eps = eps.astype(numpy.float32).astype(dtype)
    next_draw = ref.rand()
    numpy.random.seed(25)
    s = D.MultivariateNormal(loc, scale_tril=tril).sample(6)
    assert s.dtype == dtype
    numpy.testing.assert_array_equal(
        s.array, loc + numpy.matmul(tril, eps)[..., 0])
    assert numpy.random.rand() == next_draw


def test_sample_uses_the_whole_scale_tril():
    # v5 does not mask the upper triangle when sampling.
    loc = numpy.zeros(2)
    full = numpy.array([[1., 2.], [0.5, 1.]])
    numpy.random.seed(3)
    s = D.MultivariateNormal(loc, scale_tril=full).sample(4)
    numpy.random.seed(3)
    eps = numpy.random.standard_normal((4, 2, 1)).astype(numpy.float32)
    numpy.testing.assert_array_equal(
        s.array, numpy.matmul(full, eps.astype(numpy.float64))[..., 0])
