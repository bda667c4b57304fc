"""Fixtures shared by the distribution tests.

``shape`` (batch shapes ``()``, ``(3,)``, ``(2, 3)``) and ``dtype``
(float32, float64) parametrize every test that asks for them;
``check_values`` compares Variables with their scipy references and
``check_kl_backward``/``check_kl_quadrature`` check a KL divergence.
"""
import numpy
import pytest
from scipy import integrate

import chainer
from chainer import gradient_check
from chainer import testing

SHAPES = [(), (3,), (2, 3)]
DTYPES = [numpy.float32, numpy.float64]


@pytest.fixture(params=SHAPES, ids=str)
def shape(request):
    return request.param


@pytest.fixture(params=DTYPES, ids=lambda d: d.__name__)
def dtype(request):
    return request.param


def _check_values(pairs, dtype, tol):
    for got, want in pairs:
        assert got.dtype == dtype
        assert got.shape == numpy.shape(want)
        testing.assert_allclose(got.array, want, **tol)


@pytest.fixture
def check_values():
    """``check(pairs, dtype, tol)``: each ``(Variable, reference)`` pair has
    ``dtype``, the reference's shape and its values within ``tol``."""
    return _check_values


def _check_kl_backward(make, params1, params2):
    n = len(params1)
    gy = numpy.random.RandomState(5).normal(size=make(*params1).batch_shape)
    gradient_check.check_backward(
        lambda *ps: chainer.kl_divergence(make(*ps[:n]), make(*ps[n:])),
        tuple(params1) + tuple(params2), gy)


@pytest.fixture
def check_kl_backward():
    """``check(make, params1, params2)``: the KL divergence between
    ``make(*params1)`` and ``make(*params2)`` passes ``check_backward`` in
    every parameter (output gradient drawn from a seeded RandomState)."""
    return _check_kl_backward


def _check_kl_quadrature(p, q, ref_p, ref_q, bounds, atol, **quad_options):
    want, _ = integrate.quad(
        lambda x: ref_p.pdf(x) * (ref_p.logpdf(x) - ref_q.logpdf(x)),
        bounds[0], bounds[1], **quad_options)
    testing.assert_allclose(chainer.kl_divergence(p, q).array, want,
                            atol=atol)


@pytest.fixture
def check_kl_quadrature():
    """``check(p, q, ref_p, ref_q, bounds, atol, **quad_options)``: the KL
    divergence of scalar distributions ``p`` and ``q`` matches the integral
    of their scipy counterparts' ``pdf * log-ratio`` over ``bounds``."""
    return _check_kl_quadrature
