import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check

_DTYPES = [numpy.float16, numpy.float32, numpy.float64]

# name: (input range kept away from singular points)
_UNARY = {
    'sin': (-3, 3),
    'cos': (-3, 3),
    'tan': (-1.2, 1.2),
    'arcsin': (-0.8, 0.8),
    'arccos': (-0.8, 0.8),
    'arctan': (-3, 3),
}


def _tol(dtype):
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-3}
    return {'atol': 1e-4, 'rtol': 1e-4}


@pytest.mark.parametrize('name', sorted(_UNARY))
@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', _DTYPES)
def test_unary(name, shape, dtype):
    rng = numpy.random.RandomState(0)
    lo, hi = _UNARY[name]
    x = rng.uniform(lo, hi, shape).astype(dtype)
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    func = getattr(functions, name)
    y = func(x)
    assert y.dtype == dtype and y.shape == shape
    expected = getattr(numpy, name)(x.astype(numpy.float64))
    testing.assert_allclose(y.array, expected, **_tol(dtype))
    opts = dict(dtype=numpy.float64, **_tol(dtype))
    if dtype == numpy.float16:
        opts.update(eps=2 ** -5, atol=2e-2, rtol=2e-2)
    gradient_check.check_backward(func, x, gy, **opts)
    gradient_check.check_double_backward(func, x, gy, ggx, **opts)


@pytest.mark.parametrize('name', sorted(_UNARY))
def test_label_and_non_contiguous(name):
    x = numpy.linspace(-0.7, 0.7, 24).reshape(4, 6)[:, ::2]
    y = getattr(functions, name)(chainer.Variable(x))
    assert y.creator.label == name
    testing.assert_allclose(y.array, getattr(numpy, name)(x))


@pytest.mark.parametrize('name', sorted(_UNARY) + ['arctan2'])
def test_integer_input_rejected(name):
    args = (numpy.arange(3),) * (2 if name == 'arctan2' else 1)
    with pytest.raises(type_check.InvalidType):
        getattr(functions, name)(*args)


@pytest.mark.parametrize('shapes', [((3, 4), (3, 4)), ((), ()),
                                    ((3, 4), (4,)), ((2, 1), (1, 3))])
@pytest.mark.parametrize('dtype', _DTYPES)
def test_arctan2(shapes, dtype):
    rng = numpy.random.RandomState(1)
    x1 = rng.uniform(-2, 2, shapes[0]).astype(dtype)
    x2 = rng.uniform(-2, 2, shapes[1]).astype(dtype)
    y = functions.arctan2(x1, x2)
    out_shape = numpy.broadcast_shapes(*shapes)
    assert y.dtype == dtype and y.shape == out_shape
    testing.assert_allclose(
        y.array, numpy.arctan2(x1.astype(numpy.float64), x2),
        **_tol(dtype))
    gy = rng.uniform(-1, 1, out_shape).astype(dtype)
    ggs = (rng.uniform(-1, 1, shapes[0]).astype(dtype),
           rng.uniform(-1, 1, shapes[1]).astype(dtype))
    opts = {'dtype': numpy.float64, 'atol': 1e-3, 'rtol': 1e-3}
    gradient_check.check_backward(functions.arctan2, (x1, x2), gy, **opts)
    gradient_check.check_double_backward(
        functions.arctan2, (x1, x2), gy, ggs, **opts)


def test_arctan2_quadrants():
    x1 = numpy.array([1., 1., -1., -1.], numpy.float32)
    x2 = numpy.array([1., -1., 1., -1.], numpy.float32)
    y = functions.arctan2(x1, x2).array
    testing.assert_allclose(
        y, numpy.array([1, 3, -1, -3]) * numpy.pi / 4, rtol=1e-6)


def test_arctan2_mixed_dtypes_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.arctan2(numpy.ones(3, numpy.float32),
                          numpy.ones(3, numpy.float64))


@attr.gpu
def test_gpu_matches_cpu():
    rng = numpy.random.RandomState(7)
    xs = [rng.uniform(-0.8, 0.8, (3, 4))]
    func = functions.arcsin
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
