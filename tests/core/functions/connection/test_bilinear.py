import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _data(rng):
    e1 = rng.uniform(-1, 1, (4, 3))
    e2 = rng.uniform(-1, 1, (4, 2))
    W = rng.uniform(-1, 1, (3, 2, 5))
    V1 = rng.uniform(-1, 1, (3, 5))
    V2 = rng.uniform(-1, 1, (2, 5))
    b = rng.uniform(-1, 1, 5)
    return e1, e2, W, V1, V2, b


@pytest.mark.parametrize('linear_terms', [False, True])
def test_bilinear(linear_terms):
    rng = numpy.random.RandomState(0)
    e1, e2, W, V1, V2, b = _data(rng)
    args = (e1, e2, W, V1, V2, b) if linear_terms else (e1, e2, W)
    y = functions.bilinear(*args)
    expected = numpy.einsum('nj,nk,jkl->nl', e1, e2, W)
    if linear_terms:
        expected += e1 @ V1 + e2 @ V2 + b
    testing.assert_allclose(expected, y.array)
    gy = rng.uniform(-1, 1, y.shape)
    gradient_check.check_backward(functions.bilinear, args, gy)
    gg = [rng.uniform(-1, 1, a.shape) for a in args]
    gradient_check.check_double_backward(functions.bilinear, args, gy, gg)


def test_flattens_inputs():
    rng = numpy.random.RandomState(1)
    e1 = rng.randn(2, 3, 2)
    e2 = rng.randn(2, 2)
    W = rng.randn(6, 2, 4)
    y = functions.bilinear(e1, e2, W)
    testing.assert_allclose(
        numpy.einsum('nj,nk,jkl->nl', e1.reshape(2, 6), e2, W), y.array)


def test_errors():
    rng = numpy.random.RandomState(2)
    e1, e2, W, V1, V2, b = _data(rng)
    with pytest.raises(ValueError, match='All coefficients'):
        functions.bilinear(e1, e2, W, V1)
    with pytest.raises(type_check.InvalidType, match='W.shape'):
        functions.bilinear(e1, e2, W[:2])
    with pytest.raises(type_check.InvalidType, match='V2'):
        functions.bilinear(e1, e2, W, V1, V1, b)
