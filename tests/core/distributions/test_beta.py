import numpy
import pytest
from scipy import integrate
from scipy import stats

import chainer
from chainer import gradient_check
from chainer import testing
import chainer.distributions as D


def _tol(dtype):
    if dtype == numpy.float32:
        return {'atol': 1e-4, 'rtol': 1e-4}
    return {'atol': 1e-9, 'rtol': 1e-9}


def _params(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    a = rng.uniform(0.5, 3, shape).astype(dtype)
    b = rng.uniform(0.5, 3, shape).astype(dtype)
    return a, b


def _ref(a, b):
    return stats.beta(a.astype(numpy.float64), b.astype(numpy.float64))


def test_shapes_and_params(shape, dtype):
    a, b = _params(shape, dtype)
    d = D.Beta(a, b)
    assert d.batch_shape == shape and d.event_shape == ()
    assert set(d.params) == {'a', 'b'}
    assert d.support == '[0, 1]'


def test_log_prob(shape, dtype, check_values):
    a, b = _params(shape, dtype)
    d = D.Beta(a, b)
    x = numpy.random.RandomState(1).uniform(0.05, 0.95, (4,) + shape)
    x = x.astype(dtype)
    ref = _ref(a, b)
    check_values([(d.log_prob(x), ref.logpdf(x)), (d.prob(x), ref.pdf(x))],
                 dtype, _tol(dtype))


def test_outside_and_edge_of_support():
    a = chainer.Variable(numpy.array([2., 2., 1., 2.]))
    b = numpy.array([3., 3., 2., 3.])
    x = numpy.array([-0.5, 1.5, 0., 0.5])
    lp = D.Beta(a, b).log_prob(x)
    assert (lp.array[:2] == -numpy.inf).all()
    # a == 1 at x == 0: the density is b (finite), not NaN.
    testing.assert_allclose(lp.array[2:], stats.beta.logpdf(x[2:], a.array[2:],
                                                            b[2:]))
    chainer.functions.sum(lp[2:]).backward()
    assert numpy.isfinite(a.grad).all() and (a.grad[:2] == 0).all()


def test_statistics(shape, dtype):
    a, b = _params(shape, dtype)
    d = D.Beta(a, b)
    ref = _ref(a, b)
    tol = _tol(dtype)
    testing.assert_allclose(d.entropy.array, ref.entropy(), **tol)
    testing.assert_allclose(d.mean.array, ref.mean(), **tol)
    testing.assert_allclose(d.variance.array, ref.var(), **tol)
    testing.assert_allclose(d.stddev.array, ref.std(), **tol)
    assert d.entropy.dtype == dtype and d.entropy.shape == shape


def test_sample(shape, dtype):
    a, b = _params(shape, dtype)
    numpy.random.seed(0)
    s = D.Beta(a, b).sample(20000)
    assert s.shape == (20000,) + shape and s.dtype == dtype
    assert s.creator is None  # not reparameterised
    assert ((s.array >= 0) & (s.array <= 1)).all()
    ref = _ref(a, b)
    testing.assert_allclose(s.array.mean(0), ref.mean(), atol=0.01, rtol=0)
    testing.assert_allclose(s.array.var(0), ref.var(), atol=0, rtol=0.05)


def test_backward():
    a, b = _params((2, 3), numpy.float64)
    x = numpy.random.RandomState(2).uniform(0.1, 0.9, (2, 3))
    gy = numpy.random.RandomState(3).normal(size=(2, 3))
    for f in [lambda a, b, x: D.Beta(a, b).log_prob(x),
              lambda a, b, x: D.Beta(a, b).entropy * x,
              lambda a, b, x: D.Beta(a, b).variance * x]:
        gradient_check.check_backward(f, (a, b, x), gy)


def _kl_quad(a1, b1, a2, b2):
    p, q = stats.beta(a1, b1), stats.beta(a2, b2)
    return integrate.quad(
        lambda x: p.pdf(x) * (p.logpdf(x) - q.logpdf(x)), 0, 1)[0]


def test_kl(shape, dtype):
    a1, b1 = _params(shape, dtype, 0)
    a2, b2 = _params(shape, dtype, 1)
    kl = chainer.kl_divergence(D.Beta(a1, b1), D.Beta(a2, b2))
    assert kl.shape == shape and kl.dtype == dtype
    want = numpy.vectorize(_kl_quad)(a1.astype(numpy.float64), b1, a2, b2)
    testing.assert_allclose(kl.array, want, atol=1e-4, rtol=1e-4)
    testing.assert_allclose(
        chainer.kl_divergence(D.Beta(a1, b1), D.Beta(a1, b1)).array,
        numpy.zeros(shape), atol=1e-5)


def test_kl_backward(check_kl_backward):
    check_kl_backward(D.Beta, _params((3,), numpy.float64, 0),
                      _params((3,), numpy.float64, 1))


def test_bad_arguments():
    with pytest.raises(ValueError, match='broadcast'):
        D.Beta(numpy.ones(2), numpy.ones(3))
    with pytest.raises(TypeError, match='same dtype'):
        D.Beta(numpy.ones(2), numpy.ones(2, numpy.float32))


def test_sample_draws_as_v5(shape, dtype):
    # v5: numpy's own beta sampler (a, b broadcast against (n,) + batch),
    # cast to the dtype.
    a, b = _params(shape, dtype)
    ref = numpy.random.RandomState(21)
    expected = ref.beta(a, b, size=(6,) + shape).astype(dtype)
    next_draw = ref.rand()
    numpy.random.seed(21)
    s = D.Beta(a, b).sample(6)
    assert s.dtype == dtype
    numpy.testing.assert_array_equal(s.array, expected)
    assert numpy.random.rand() == next_draw
