import numpy
import pytest

import chainer

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
def test_unary(name, unary_check):
    # Values, dtypes, gradients, label, layouts: see conftest.unary_check.
    unary_check(name, getattr(numpy, name), _UNARY[name])


def test_arctan2_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.arctan2(numpy.arange(3), numpy.arange(3))


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


def test_arctan2_mixed_dtypes_promoted():
    # v5 checks only that both inputs are floats.
    rng = numpy.random.RandomState(3)
    a = rng.uniform(-2, 2, (3,)).astype(numpy.float32)
    b = rng.uniform(-2, 2, (3,))
    x1, x2 = chainer.Variable(a), chainer.Variable(b)
    y = functions.arctan2(x1, x2)
    assert y.dtype == numpy.float64
    testing.assert_allclose(y.array, numpy.arctan2(a.astype('d'), b))
    y.grad = numpy.ones(3)
    y.backward()
    sq = a.astype('d') ** 2 + b ** 2
    assert x1.grad.dtype == numpy.float32
    assert x2.grad.dtype == numpy.float64
    testing.assert_allclose(x1.grad, b / sq, rtol=1e-6)
    testing.assert_allclose(x2.grad, -a / sq, rtol=1e-6)


def test_tan_grad_is_divided_by_squared_cos():
    # v5 computes gy / cos(x)**2 in the input's dtype; float16 rounding
    # tells this apart from gy * (1 + tan(x)**2).
    x = numpy.linspace(-1.4, 1.4, 201).astype(numpy.float16)
    gy = numpy.linspace(0.5, 2.0, 201).astype(numpy.float16)
    v = chainer.Variable(x)
    y = functions.tan(v)
    y.grad = gy
    y.backward()
    c = numpy.cos(x)
    expected = gy / (c * c)
    numpy.testing.assert_array_equal(v.grad, expected)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(functions.arcsin,
                    lambda rng: [rng.uniform(-0.8, 0.8, (3, 4))])
