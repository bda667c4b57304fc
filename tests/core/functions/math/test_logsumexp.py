import numpy
import pytest
from scipy import special

from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((3, 4), None), ((3, 4), 0), ((3, 4), -1), ((2, 3, 4), (0, 2)),
    ((), None),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.logsumexp(x, axis=axis)
    expected = special.logsumexp(x.astype(numpy.float64), axis=axis)
    assert y.dtype == dtype and y.shape == numpy.shape(expected)
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, y.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.logsumexp(x, axis=axis)
    opts = dict(dtype=numpy.float64, atol=1e-3, rtol=1e-3)
    gradient_check.check_backward(f, x, gy, **opts)
    gradient_check.check_double_backward(f, x, gy, ggx, **opts)


def test_large_values_are_stable():
    x = numpy.array([[1000., 1000.], [-1000., -1e30]], numpy.float32)
    with numpy.errstate(over='raise', invalid='raise', divide='raise'):
        y = functions.logsumexp(x, axis=1).array
    testing.assert_allclose(y, [1000 + numpy.log(2), -1000], rtol=1e-6)


def test_infinities():
    x = numpy.array([[-numpy.inf, -numpy.inf], [numpy.inf, 0.]])
    with numpy.errstate(divide='ignore', invalid='ignore'):
        y = functions.logsumexp(x, axis=1).array
    assert y[0] == -numpy.inf and y[1] == numpy.inf


def test_non_contiguous():
    x = numpy.linspace(-3, 3, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.logsumexp(x, axis=1).array,
                            special.logsumexp(x, axis=1))


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.logsumexp(numpy.arange(3))
    with pytest.raises(type_check.InvalidType):
        functions.logsumexp(numpy.ones((2, 3), 'f'), axis=2)
    with pytest.raises(TypeError):
        functions.logsumexp(numpy.ones((2, 3), 'f'), axis=[0])


@attr.gpu
def test_gpu_matches_cpu():
    rng = numpy.random.RandomState(7)
    xs = [rng.uniform(-1, 1, (3, 4))]
    func = lambda x: functions.logsumexp(x, axis=1)
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


def test_float16_many_terms_do_not_overflow():
    x = numpy.zeros(100000, numpy.float16)
    y = functions.logsumexp(x).array
    assert y.dtype == numpy.float16
    testing.assert_allclose(y, numpy.log(100000.), rtol=1e-3)
