import warnings

import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check

_DTYPES = [numpy.float16, numpy.float32, numpy.float64]


def _op(x, trans):
    return x.swapaxes(-1, -2) if trans and x.ndim > 1 else x


@pytest.mark.parametrize('a_shape,b_shape,transa,transb', [
    ((3, 4), (4, 2), False, False),
    ((4, 3), (4, 2), True, False),
    ((3, 4), (2, 4), False, True),
    ((4, 3), (2, 4), True, True),
    ((4,), (4,), True, True),
    ((4,), (4, 2), False, False),
    ((4,), (2, 4), False, True),
    ((3, 4), (4,), False, False),
    ((4, 3), (4,), True, False),
    ((2, 3, 4), (2, 4, 5), False, False),
    ((2, 1, 3, 4), (5, 4, 2), False, False),
    ((2, 4, 3), (1, 5, 4), True, True),
    ((2, 3, 4), (4,), False, False),
    ((4,), (2, 4, 3), False, False),
    ((0, 4), (4, 2), False, False),
])
@pytest.mark.parametrize('dtype', _DTYPES)
def test_forward_backward(a_shape, b_shape, transa, transb, dtype):
    rng = numpy.random.RandomState(0)
    a = rng.uniform(-1, 1, a_shape).astype(dtype)
    b = rng.uniform(-1, 1, b_shape).astype(dtype)
    y = functions.matmul(a, b, transa=transa, transb=transb)
    expected = numpy.matmul(_op(a.astype(numpy.float64), transa),
                            _op(b.astype(numpy.float64), transb))
    assert y.dtype == dtype and y.shape == expected.shape
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    gga = rng.uniform(-1, 1, a_shape).astype(dtype)
    ggb = rng.uniform(-1, 1, b_shape).astype(dtype)

    def f(a, b):
        return functions.matmul(a, b, transa=transa, transb=transb)
    opts = {'dtype': numpy.float64, 'atol': 1e-4, 'rtol': 1e-4}
    if dtype == numpy.float16:
        opts.update(atol=1e-2, rtol=1e-2)
    gradient_check.check_backward(f, (a, b), gy, **opts)
    gradient_check.check_double_backward(f, (a, b), gy, (gga, ggb), **opts)


def test_docstring_example():
    a = numpy.array([[1, 0], [0, 1]], numpy.float32)
    b = numpy.array([[4, 1], [2, 2]], numpy.float32)
    testing.assert_allclose(functions.matmul(a, b).array, b)


def test_non_contiguous():
    a = numpy.arange(24, dtype=numpy.float32).reshape(4, 6)[:, ::2]
    b = numpy.arange(12, dtype=numpy.float32).reshape(4, 3).T
    testing.assert_allclose(functions.matmul(a, b).array, a.dot(b))


@pytest.mark.parametrize('a,b', [
    (numpy.ones((3, 4), 'f'), numpy.ones((3, 4), 'f')),
    (numpy.ones((3, 4), 'f'), numpy.ones((4, 2), 'd')),
    (numpy.ones((3, 4), 'i'), numpy.ones((4, 2), 'i')),
    (numpy.ones((2, 3, 4), 'f'), numpy.ones((3, 4, 2), 'f')),
    (numpy.ones((), 'f'), numpy.ones((), 'f')),
])
def test_bad_inputs(a, b):
    with pytest.raises(type_check.InvalidType):
        functions.matmul(a, b)


@pytest.mark.parametrize('a_shape,b_shape,transa,transb', [
    ((2, 3, 4), (2, 4, 5), False, False),
    ((2, 4, 3), (2, 5, 4), True, True),
    ((2, 3), (2, 3), True, False),  # 2-D operands are column vectors
    ((2, 3), (2, 4), False, True),
])
def test_batch_matmul(a_shape, b_shape, transa, transb):
    rng = numpy.random.RandomState(2)
    a = rng.uniform(-1, 1, a_shape)
    b = rng.uniform(-1, 1, b_shape)
    a3 = a if a.ndim == 3 else a[:, :, None]
    b3 = b if b.ndim == 3 else b[:, :, None]
    expected = numpy.matmul(_op(a3, transa), _op(b3, transb))
    with pytest.warns(DeprecationWarning):
        y = functions.batch_matmul(a, b, transa=transa, transb=transb)
    testing.assert_allclose(y.array, expected)
    gy = rng.uniform(-1, 1, expected.shape)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        gradient_check.check_backward(
            lambda a, b: functions.batch_matmul(a, b, transa, transb),
            (a, b), gy, dtype=numpy.float64)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(
        functions.matmul,
        lambda rng: [rng.uniform(-1, 1, (2, 3, 4)),
                     rng.uniform(-1, 1, (4, 2))])
