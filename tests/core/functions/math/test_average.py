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


@pytest.mark.parametrize('func', [functions.mean, functions.average])
@pytest.mark.parametrize('shape,axis', [
    ((3, 4), None), ((3, 4), 1), ((2, 3, 4), (0, -1)), ((), None),
])
@pytest.mark.parametrize('keepdims', [False, True])
@pytest.mark.parametrize('dtype', _DTYPES)
def test_unweighted(func, shape, axis, keepdims, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = func(x, axis=axis, keepdims=keepdims)
    expected = x.astype(numpy.float64).mean(axis=axis, keepdims=keepdims)
    assert y.dtype == dtype and y.shape == expected.shape
    testing.assert_allclose(y.array, expected, **_tol(dtype))
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        y = func(x, axis=axis, keepdims=keepdims)
        return y * y
    gradient_check.check_backward(
        lambda x: func(x, axis=axis, keepdims=keepdims), x, gy,
        dtype=numpy.float64)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64,
                                         atol=1e-3, rtol=1e-3)


@pytest.mark.parametrize('dtype', _DTYPES)
@pytest.mark.parametrize('axis', [None, 0, (0, 2)])
def test_unweighted_rounds_as_v5(dtype, axis):
    # v5's mean is sum(x) / count, the division being a product with the
    # reciprocal in x's dtype; compare bit for bit.
    rng = numpy.random.RandomState(5)
    x = (rng.randn(7, 13, 3) * 37).astype(dtype)
    count = x.size if axis is None else numpy.prod(
        [x.shape[a] for a in numpy.atleast_1d(axis)])
    expected = x.sum(axis=axis) * dtype(1.0 / count)
    numpy.testing.assert_array_equal(
        functions.mean(x, axis=axis).array, expected)


def test_float16_sum_overflows_as_v5():
    # The float16 sum (90000) is out of range before the division.
    x = numpy.full(3000, 30, numpy.float16)
    with numpy.errstate(over='ignore'):
        assert numpy.isinf(functions.mean(x).array)


@pytest.mark.parametrize('shape,axis,w_shape', [
    ((3, 4), None, (3, 4)), ((3, 4), 1, (4,)), ((2, 3, 4), -2, (3,)),
    ((2, 3, 4), (1,), (3,)),
])
@pytest.mark.parametrize('keepdims', [False, True])
@pytest.mark.parametrize('dtype', _DTYPES)
def test_weighted(shape, axis, w_shape, keepdims, dtype):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    w = rng.uniform(0.5, 1, w_shape).astype(dtype)
    y = functions.average(x, axis=axis, weights=w, keepdims=keepdims)
    np_axis = axis[0] if isinstance(axis, tuple) else axis
    expected = numpy.average(x.astype(numpy.float64), axis=np_axis,
                             weights=w.astype(numpy.float64))
    if keepdims:
        expected = numpy.asarray(expected).reshape(
            numpy.asarray(x.astype(numpy.float64).sum(
                axis=axis, keepdims=True)).shape)
    assert y.dtype == dtype and y.shape == numpy.shape(expected)
    testing.assert_allclose(y.array, expected, **_tol(dtype))
    gy = rng.uniform(-1, 1, y.shape).astype(dtype)
    gradient_check.check_backward(
        lambda x, w: functions.average(x, axis=axis, weights=w,
                                       keepdims=keepdims),
        (x, w), gy, dtype=numpy.float64, atol=1e-3, rtol=1e-3)


def test_mean_is_average():
    assert functions.mean is functions.average


def test_weighted_tuple_axis_rejected():
    x = numpy.ones((2, 3), numpy.float32)
    with pytest.raises(ValueError):
        functions.average(x, axis=(0, 1), weights=numpy.ones((2, 3), 'f'))


def test_weighted_duplicate_axis_rejected():
    x = numpy.ones((2, 3), numpy.float32)
    with pytest.raises(ValueError):
        functions.average(x, axis=(1, -1), weights=numpy.ones(3, 'f'))


def test_weights_as_variable_get_gradient():
    x = numpy.array([1., 3.], numpy.float32)
    w = chainer.Variable(numpy.array([1., 1.], numpy.float32))
    y = functions.average(x, weights=w)
    testing.assert_allclose(y.array, 2.)
    y.backward()
    # d/dw_i (sum w x / sum w) = (x_i - y) / sum w
    testing.assert_allclose(w.grad, [-0.5, 0.5])


def test_non_contiguous():
    x = numpy.arange(24, dtype=numpy.float32).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.mean(x, axis=0).array, x.mean(axis=0))


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.mean(numpy.arange(3))
    with pytest.raises(type_check.InvalidType):
        functions.mean(numpy.ones((2, 3), numpy.float32), axis=2)
    with pytest.raises(TypeError):
        functions.mean(numpy.ones((2, 3), numpy.float32), axis=[0])


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(
        lambda x, w: functions.average(x, axis=1, weights=w),
        lambda rng: [rng.uniform(-1, 1, (3, 4)), rng.uniform(0.5, 1, (4,))])
