import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check

_DTYPES = [numpy.float16, numpy.float32, numpy.float64]


def _distinct(shape, dtype, seed=0):
    # A permutation keeps every pair of values well apart (no ties).
    rng = numpy.random.RandomState(seed)
    n = int(numpy.prod(shape))
    x = rng.permutation(n).astype(numpy.float64) / max(n, 1) - 0.5
    return x.reshape(shape).astype(dtype)


@pytest.mark.parametrize('name', ['max', 'min'])
@pytest.mark.parametrize('shape,axis', [
    ((3, 4), None), ((3, 4), 0), ((3, 4), -1), ((2, 3, 4), (0, 2)), ((), None),
])
@pytest.mark.parametrize('keepdims', [False, True])
@pytest.mark.parametrize('dtype', _DTYPES)
def test_forward_backward(name, shape, axis, keepdims, dtype):
    x = _distinct(shape, dtype)
    func = getattr(functions, name)
    y = func(x, axis=axis, keepdims=keepdims)
    expected = getattr(x, name)(axis=axis, keepdims=keepdims)
    assert y.dtype == dtype and y.shape == expected.shape
    testing.assert_allclose(y.array, expected)
    rng = numpy.random.RandomState(1)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return func(x, axis=axis, keepdims=keepdims)
    eps = 1e-3 if dtype != numpy.float16 else 2 ** -8
    gradient_check.check_backward(f, x, gy, eps=eps, dtype=numpy.float64)
    gradient_check.check_double_backward(
        lambda x: f(x) * f(x), x, gy, ggx, eps=eps, dtype=numpy.float64,
        atol=1e-3, rtol=1e-3)


@pytest.mark.parametrize('name', ['max', 'min'])
def test_ties_share_the_gradient(name):
    x = chainer.Variable(numpy.array([[1., 1., 0.5]], numpy.float32))
    if name == 'min':
        x.array *= -1
    y = getattr(functions, name)(x, axis=1)
    y.grad = numpy.ones(1, numpy.float32)
    y.backward()
    testing.assert_allclose(x.grad, [[1, 1, 0]])


@pytest.mark.parametrize('name', ['argmax', 'argmin'])
@pytest.mark.parametrize('axis', [None, 0, 1, -1])
def test_arg(name, axis):
    x = _distinct((3, 4), numpy.float32)
    y = getattr(functions, name)(x, axis=axis)
    assert y.dtype == numpy.int32
    numpy.testing.assert_array_equal(y.array, getattr(numpy, name)(x, axis))


@pytest.mark.parametrize('name', ['argmax', 'argmin'])
def test_arg_has_no_gradient(name):
    x = chainer.Variable(_distinct((3, 4), numpy.float32))
    y = getattr(functions, name)(x, axis=1)
    assert y.creator.backward((0,), (None,)) == (None,)


@pytest.mark.parametrize('name', ['argmax', 'argmin'])
def test_arg_bad_inputs(name):
    func = getattr(functions, name)
    with pytest.raises(type_check.InvalidType):
        func(numpy.ones((2, 3), numpy.float32), axis=2)
    with pytest.raises(type_check.InvalidType):
        func(numpy.arange(3))
    with pytest.raises(TypeError):
        func(numpy.ones((2, 3), numpy.float32), axis=(0, 1))


@pytest.mark.parametrize('name', ['max', 'min'])
def test_bad_inputs(name):
    func = getattr(functions, name)
    with pytest.raises(type_check.InvalidType):
        func(numpy.ones((2, 3), numpy.float32), axis=-3)
    with pytest.raises(type_check.InvalidType):
        func(numpy.arange(3))
    with pytest.raises(ValueError):
        func(numpy.ones((2, 3), numpy.float32), axis=(1, 1))


def test_non_contiguous():
    x = _distinct((4, 6), numpy.float32)[:, ::2]
    testing.assert_allclose(functions.max(x, axis=1).array, x.max(axis=1))
    numpy.testing.assert_array_equal(
        functions.argmin(x, axis=0).array, x.argmin(axis=0))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(lambda x: functions.max(x, axis=1),
                    lambda rng: [rng.uniform(-1, 1, (3, 4))])
