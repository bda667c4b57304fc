import math

import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


@pytest.fixture
def rng():
    return numpy.random.RandomState(0)


@pytest.mark.parametrize('reduce', ['sum', 'no'])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_gaussian_kl_divergence(rng, reduce, dtype):
    mean = rng.uniform(-1, 1, (3, 2)).astype(dtype)
    ln_var = rng.uniform(-1, 1, (3, 2)).astype(dtype)
    y = functions.gaussian_kl_divergence(mean, ln_var, reduce=reduce)
    expected = 0.5 * (mean ** 2 + numpy.exp(ln_var) - ln_var - 1)
    if reduce == 'sum':
        expected = expected.sum()
    assert y.dtype == dtype
    testing.assert_allclose(expected, y.array, rtol=1e-5)


@pytest.mark.parametrize('reduce', ['sum', 'no'])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_bernoulli_nll(rng, reduce, dtype):
    x = rng.randint(0, 2, (3, 2)).astype(dtype)
    y = rng.uniform(-2, 2, (3, 2)).astype(dtype)
    loss = functions.bernoulli_nll(x, y, reduce=reduce)
    p = 1 / (1 + numpy.exp(-y.astype(numpy.float64)))
    expected = -(x * numpy.log(p) + (1 - x) * numpy.log(1 - p))
    if reduce == 'sum':
        expected = expected.sum()
    assert loss.dtype == dtype
    testing.assert_allclose(expected, loss.array, rtol=1e-5)


@pytest.mark.parametrize('reduce', ['sum', 'no'])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_gaussian_nll(rng, reduce, dtype):
    x, mean, ln_var = (rng.uniform(-1, 1, (3, 2)).astype(dtype)
                       for _ in range(3))
    loss = functions.gaussian_nll(x, mean, ln_var, reduce=reduce)
    var = numpy.exp(ln_var.astype(numpy.float64))
    expected = 0.5 * numpy.log(2 * math.pi * var) + \
        (x - mean) ** 2 / (2 * var)
    if reduce == 'sum':
        expected = expected.sum()
    assert loss.dtype == dtype
    testing.assert_allclose(expected, loss.array, rtol=1e-5)


def test_gradients(rng):
    a, b, c = (rng.uniform(-1, 1, (3, 2)) for _ in range(3))
    gy = rng.uniform(-1, 1, (3, 2))
    gradient_check.check_backward(
        lambda m, v: functions.gaussian_kl_divergence(m, v, 'no'), (a, b),
        gy, dtype=numpy.float64)
    gradient_check.check_backward(
        lambda y: functions.bernoulli_nll(numpy.abs(a).round(), y, 'no'),
        b, gy, dtype=numpy.float64)
    gradient_check.check_backward(
        lambda x, m, v: functions.gaussian_nll(x, m, v, 'no'), (a, b, c),
        gy, dtype=numpy.float64)


@pytest.mark.parametrize('func,n', [
    (functions.gaussian_kl_divergence, 2), (functions.bernoulli_nll, 2),
    (functions.gaussian_nll, 3)])
def test_invalid_reduce_and_shapes(func, n):
    args = [numpy.zeros((2, 2), numpy.float32)] * n
    with pytest.raises(ValueError, match='reduce'):
        func(*args, reduce='mean')
    with pytest.raises(ValueError):
        func(*(args[:-1] + [numpy.zeros(3, numpy.float32)]))
