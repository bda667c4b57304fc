import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('slices', [
    (slice(None), 1),
    (Ellipsis, slice(0, 2)),
    numpy.array([0, 2, 0]),
    (numpy.array([1, 1]), numpy.array([0, 0])),
    numpy.array([True, False, True]),
    1,
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(slices, dtype):
    rng = numpy.random.RandomState(38)
    a = rng.uniform(-1, 1, (3, 4)).astype(dtype)
    b_shape = a[slices].shape
    b = rng.uniform(-1, 1, b_shape).astype(dtype)
    y = functions.scatter_add(a, slices, b)
    expected = a.astype(numpy.float64)
    numpy.add.at(expected, slices, b.astype(numpy.float64))
    assert y.dtype == dtype
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    # a is untouched.
    assert not numpy.shares_memory(y.array, a)
    gy = rng.uniform(-1, 1, a.shape).astype(dtype)
    gga = rng.uniform(-1, 1, a.shape).astype(dtype)
    ggb = rng.uniform(-1, 1, b_shape).astype(dtype)

    def f(a, b):
        return functions.scatter_add(a, slices, b)
    gradient_check.check_backward(f, (a, b), gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, (a, b), gy, (gga, ggb), dtype=numpy.float64, **tol)


def test_shape_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.scatter_add(numpy.zeros((3, 4), 'f'), 0,
                              numpy.zeros(3, 'f'))


def test_dtype_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.scatter_add(numpy.zeros((3, 4), 'f'), 0,
                              numpy.zeros(4, 'd'))
