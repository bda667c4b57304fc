import numpy
import pytest
from scipy import special

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.functions.math import _special
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(backend_path, shape, dtype):
    rng = numpy.random.RandomState(0)
    n = numpy.asarray(rng.randint(0, 4, shape), numpy.int32)
    x = numpy.asarray(rng.uniform(0.5, 3, shape), dtype)
    gy = numpy.asarray(rng.uniform(-1, 1, shape), dtype)
    ggx = numpy.asarray(rng.uniform(-1, 1, shape), dtype)
    y = functions.polygamma(n, x)
    assert y.dtype == dtype and y.shape == shape
    tol = {'atol': 1e-3, 'rtol': 1e-3} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, special.polygamma(n, x.astype('d')),
                            **tol)

    def f(x):
        return functions.polygamma(n, x)
    opts = dict(dtype=numpy.float64, atol=1e-3, rtol=1e-3)
    gradient_check.check_backward(f, x, gy, **opts)
    gradient_check.check_double_backward(f, x, gy, ggx, **opts)


def test_fallback_is_exact(monkeypatch):
    monkeypatch.setattr(_special, 'scipy_special', None)
    x = numpy.array([-2.5, -0.5, 1e-3, 0.1, 0.7, 1., 3.5, 20., 1e4])
    for order in range(6):
        n = numpy.full(x.shape, order, numpy.int32)
        testing.assert_allclose(functions.polygamma(n, x).array,
                                special.polygamma(n, x), atol=0, rtol=1e-12)


def test_poles(monkeypatch):
    monkeypatch.setattr(_special, 'scipy_special', None)
    n = numpy.array([1, 2], numpy.int32)
    x = numpy.array([0., -1.])
    with numpy.errstate(all='ignore'):
        y = functions.polygamma(n, x).array
    assert numpy.all(numpy.isinf(y))


def test_broadcast_order():
    x = numpy.array([0.5, 1.5, 2.5], numpy.float32)
    y = functions.polygamma(numpy.array(1, numpy.int32), x)
    testing.assert_allclose(y.array, special.polygamma(1, x), rtol=1e-5)


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.polygamma(numpy.ones(3, 'f'), numpy.ones(3, 'f'))
    with pytest.raises(type_check.InvalidType):
        functions.polygamma(numpy.ones(3, 'i'), numpy.ones(3, 'i'))
