import numpy
import pytest
from scipy import special

import chainer
from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.functions.math import _special
from chainer.utils import type_check

_LO, _HI = -2, 2


def _ref(x):
    return special.erf(numpy.asarray(x, numpy.float64))


@pytest.fixture(params=['scipy', 'numpy'])
def backend_path(request, monkeypatch):
    """Runs a test with SciPy and with the pure numpy fallback."""
    if request.param == 'numpy':
        monkeypatch.setattr(_special, 'scipy_special', None)
    return request.param


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(backend_path, shape, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(_LO, _HI, shape).astype(dtype)
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.erf(x)
    assert y.dtype == dtype and y.shape == shape
    assert isinstance(y.array, numpy.ndarray)
    tol = {'atol': 1e-3, 'rtol': 1e-3} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, _ref(x), **tol)
    opts = dict(dtype=numpy.float64, atol=1e-3, rtol=1e-3)
    gradient_check.check_backward(functions.erf, x, gy, **opts)
    gradient_check.check_double_backward(functions.erf, x, gy, ggx,
                                         **opts)


def test_fallback_is_exact(monkeypatch):
    monkeypatch.setattr(_special, 'scipy_special', None)
    x = numpy.array([
        -30., -3., -0.5, -1e-300, 0., 1e-10, 0.3, 2., 6., numpy.inf,
        -numpy.inf, numpy.nan
    ], numpy.float64)
    with numpy.errstate(all='ignore'):
        y = functions.erf(x).array
        expected = _ref(x)
    testing.assert_allclose(y, expected, atol=0, rtol=1e-13)
    numpy.testing.assert_array_equal(numpy.isnan(y), numpy.isnan(expected))


def test_label_and_non_contiguous():
    x = numpy.linspace(_LO, _HI, 24).reshape(4, 6)[:, ::2]
    y = functions.erf(chainer.Variable(x))
    assert y.creator.label == 'erf'
    testing.assert_allclose(y.array, _ref(x))


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.erf(numpy.arange(3))


@attr.gpu
def test_gpu_matches_cpu():
    rng = numpy.random.RandomState(7)
    xs = [rng.uniform(-2, 2, (3, 4))]
    func = functions.erf
    cpu = func(*xs)
    gpu = func(*[cuda.to_gpu(x) for x in xs])
    cpu = cpu if isinstance(cpu, tuple) else (cpu,)
    gpu = gpu if isinstance(gpu, tuple) else (gpu,)
    for c, g in zip(cpu, gpu):
        assert isinstance(g.array, cuda.ndarray)
        testing.assert_allclose(c.array, cuda.to_cpu(g.array), rtol=1e-5)
    gys = tuple(cuda.to_gpu(rng.uniform(-1, 1, c.shape)) for c in cpu)
    gradient_check.check_backward(
        func, tuple(cuda.to_gpu(x) for x in xs),
        gys if len(gys) > 1 else gys[0], atol=1e-4, rtol=1e-4)
