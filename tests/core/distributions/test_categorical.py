import numpy
import pytest
from scipy import special

import chainer
from chainer import gradient_check
from chainer import testing
import chainer.distributions as D


K = 4


def _tol(dtype):
    if dtype == numpy.float32:
        return {'atol': 1e-5, 'rtol': 1e-4}
    return {'atol': 1e-12, 'rtol': 1e-10}


def _p(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    # Concentration 5 keeps every probability well away from 0.
    return rng.dirichlet(numpy.full(K, 5.), shape).astype(dtype)


def _pick(table, x):
    """table[..., x] for every sample and batch index (the reference)."""
    out = numpy.empty(x.shape)
    for idx in numpy.ndindex(*x.shape):
        batch = idx[x.ndim - (table.ndim - 1):]
        out[idx] = table[batch + (x[idx],)]
    return out


@pytest.fixture(params=['p', 'logit'])
def make(request):
    """Builds the distribution from p, or from shifted log p."""
    if request.param == 'p':
        return lambda p: D.Categorical(p)
    return lambda p: D.Categorical(logit=numpy.log(p) + 3)


def test_shapes_and_params(shape, dtype, make):
    p = _p(shape, dtype)
    d = make(p)
    assert d.batch_shape == shape and d.event_shape == ()
    assert set(d.params) == {'p'}
    assert d.support == '{0, ..., 3}'
    testing.assert_allclose(d.p.array, p, **_tol(dtype))
    testing.assert_allclose(d.log_p.array, numpy.log(p), **_tol(dtype))


def test_log_prob(shape, dtype, make):
    p = _p(shape, dtype)
    d = make(p)
    x = numpy.random.RandomState(1).randint(0, K, (5,) + shape)
    for xx in (x, x.astype(numpy.int32), chainer.Variable(x)):
        lp = d.log_prob(xx)
        assert lp.dtype == dtype and lp.shape == (5,) + shape
        testing.assert_allclose(lp.array, numpy.log(_pick(p, x)),
                                **_tol(dtype))
    testing.assert_allclose(d.prob(x).array, _pick(p, x), **_tol(dtype))


def test_log_prob_outside_support():
    d = D.Categorical(numpy.array([[0.2, 0.8], [0.5, 0.5]]))
    lp = d.log_prob(numpy.array([2, -1])).array
    assert (lp == -numpy.inf).all()
    with pytest.raises(TypeError, match='integer'):
        d.log_prob(numpy.array([0.5, 1.]))


def test_statistics(shape, dtype, make):
    p = _p(shape, dtype)
    d = make(p)
    p64 = p.astype(numpy.float64)
    testing.assert_allclose(d.entropy.array, special.entr(p64).sum(-1),
                            **_tol(dtype))
    assert d.entropy.dtype == dtype and d.entropy.shape == shape
    testing.assert_allclose(d.mode.array, p.argmax(-1))


def test_zero_probabilities():
    p = numpy.array([0., 0.25, 0.75])
    d = D.Categorical(p)
    testing.assert_allclose(d.entropy.array, special.entr(p).sum())
    assert d.log_prob(numpy.array(0)).array == -numpy.inf


def test_sample(shape, dtype):
    p = _p(shape, dtype)
    numpy.random.seed(0)
    s = D.Categorical(p).sample(20000)
    assert s.shape == (20000,) + shape and s.dtype == numpy.int64
    assert s.creator is None
    assert s.array.min() >= 0 and s.array.max() < K
    freq = (s.array[..., None] == numpy.arange(K)).mean(0)
    testing.assert_allclose(freq, p, atol=0.015, rtol=0)


def test_sample_never_draws_zero_probability():
    numpy.random.seed(1)
    s = D.Categorical(numpy.array([0.5, 0., 0.5, 0.])).sample(2000).array
    assert set(numpy.unique(s)) == {0, 2}


def test_backward():
    p = _p((2, 3), numpy.float64)
    x = numpy.random.RandomState(1).randint(0, K, (2, 3))
    gy = numpy.random.RandomState(3).normal(size=(2, 3))
    for f in [lambda p: D.Categorical(p).log_prob(x),
              lambda p: D.Categorical(p).entropy,
              lambda l: D.Categorical(logit=l).log_prob(x),
              lambda l: D.Categorical(logit=l).entropy]:
        gradient_check.check_backward(f, p, gy)


def test_kl(shape, dtype, make):
    p1, p2 = _p(shape, dtype, 0), _p(shape, dtype, 1)
    kl = chainer.kl_divergence(make(p1), make(p2))
    assert kl.shape == shape and kl.dtype == dtype
    want = special.rel_entr(p1.astype(numpy.float64), p2).sum(-1)
    testing.assert_allclose(kl.array, want, atol=1e-5, rtol=1e-4)
    testing.assert_allclose(
        chainer.cross_entropy(make(p1), make(p2)).array,
        -(p1 * numpy.log(p2)).sum(-1), atol=1e-5, rtol=1e-4)


def test_kl_degenerate():
    p1 = numpy.array([[0., 0.5, 0.5], [0.5, 0.5, 0.]])
    p2 = numpy.array([[0.5, 0.5, 0.], [0.25, 0.25, 0.5]])
    kl = chainer.kl_divergence(D.Categorical(p1), D.Categorical(p2)).array
    testing.assert_allclose(kl, special.rel_entr(p1, p2).sum(-1))


def test_kl_backward(check_kl_backward):
    p1, p2 = _p((3,), numpy.float64, 0), _p((3,), numpy.float64, 1)
    check_kl_backward(D.Categorical, (p1,), (p2,))
    check_kl_backward(lambda a: D.Categorical(logit=a), (p1,), (p2,))


def test_bad_arguments():
    with pytest.raises(ValueError, match='logit'):
        D.Categorical()
    with pytest.raises(ValueError, match='logit'):
        D.Categorical(numpy.ones(2) / 2, logit=numpy.zeros(2))
    with pytest.raises(ValueError, match='axis'):
        D.Categorical(numpy.array(1.))


def test_sample_draws_as_v5(shape, dtype):
    # v5: for each distribution of the batch in C order, one
    # choice(K, size=n, p=row) call; the draws are stacked on the last
    # axis of the batch.
    p = _p(shape, dtype)
    ref = numpy.random.RandomState(23)
    rows = p.reshape(-1, K)
    draws = numpy.empty((6, len(rows)), numpy.int64)
    for r, row in enumerate(rows):
        draws[:, r] = ref.choice(K, size=6, p=row)
    expected = draws.reshape((6,) + shape)
    next_draw = ref.rand()
    numpy.random.seed(23)
    s = D.Categorical(p).sample(6)
    numpy.testing.assert_array_equal(s.array, expected)
    assert numpy.random.rand() == next_draw
