"""Fixtures shared by the distribution tests.

``shape`` (batch shapes ``()``, ``(3,)``, ``(2, 3)``) and ``dtype``
(float32, float64) parametrize every test that asks for them;
``check_values`` compares Variables with their scipy references.
"""
import numpy
import pytest

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
