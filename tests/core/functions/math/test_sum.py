import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check

_DTYPES = [numpy.float16, numpy.float32, numpy.float64]


def _tol(dtype):
    return {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}


@pytest.mark.parametrize('shape,axis', [
    ((3, 4), None), ((3, 4), 0), ((3, 4), -1), ((2, 3, 4), (0, 2)),
    ((2, 3, 4), (-1, 0)), ((), None), ((0, 3), 0), ((2, 3, 4), ()),
])
@pytest.mark.parametrize('keepdims', [False, True])
@pytest.mark.parametrize('dtype', _DTYPES)
def test_forward_backward(shape, axis, keepdims, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.sum(x, axis=axis, keepdims=keepdims)
    expected = x.astype(numpy.float64).sum(axis=axis, keepdims=keepdims)
    assert y.dtype == dtype and y.shape == expected.shape
    assert isinstance(y.array, numpy.ndarray)
    testing.assert_allclose(y.array, expected, **_tol(dtype))
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.sum(x, axis=axis, keepdims=keepdims)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    # sum is linear: square it so the second derivative is non-zero.
    gradient_check.check_double_backward(
        lambda x: f(x) * f(x), x, gy, ggx, dtype=numpy.float64,
        atol=1e-3, rtol=1e-3)


def test_non_contiguous():
    x = numpy.arange(24, dtype=numpy.float32).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.sum(x, axis=1).array, x.sum(axis=1))


def test_docstring_example():
    x = numpy.arange(6).reshape(2, 3).astype(numpy.float32)
    assert functions.sum(x).array == 15
    testing.assert_allclose(functions.sum(x, axis=1).array, [3, 12])
    assert functions.sum(x, keepdims=True).shape == (1, 1)


def test_gradient_broadcasts():
    x = chainer.Variable(numpy.ones((2, 3), numpy.float32))
    y = functions.sum(x, axis=0)
    y.grad = numpy.array([1, 2, 3], numpy.float32)
    y.backward()
    testing.assert_allclose(x.grad, [[1, 2, 3], [1, 2, 3]])


@pytest.mark.parametrize('axis', [2, -3, (0, 2)])
def test_axis_out_of_range(axis):
    with pytest.raises(type_check.InvalidType):
        functions.sum(numpy.ones((2, 3), numpy.float32), axis=axis)


def test_duplicate_axis():
    with pytest.raises(ValueError):
        functions.sum(numpy.ones((2, 3), numpy.float32), axis=(0, 0))


@pytest.mark.parametrize('axis', [1.5, [0], 'a', (0, 1.0)])
def test_bad_axis_type(axis):
    with pytest.raises(TypeError):
        functions.sum(numpy.ones((2, 3), numpy.float32), axis=axis)


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.sum(numpy.arange(3))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(lambda x: functions.sum(x, axis=1),
                    lambda rng: [rng.uniform(-1, 1, (3, 4))])
