import numpy
import pytest

from chainer import initializers
from chainer.backends import cuda
from chainer.testing import attr


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_identity(dtype):
    a = numpy.full((3, 3), 7, dtype=dtype)
    initializers.Identity(scale=2.5)(a)
    assert a.dtype == dtype
    numpy.testing.assert_array_equal(a, 2.5 * numpy.eye(3))


@pytest.mark.parametrize('shape', [(3,), (2, 3), (2, 2, 2), ()])
def test_identity_non_square(shape):
    with pytest.raises(ValueError):
        initializers.Identity()(numpy.empty(shape))


def test_identity_dtype_mismatch():
    with pytest.raises(AssertionError):
        initializers.Identity(dtype=numpy.float32)(numpy.empty((2, 2)))


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64, numpy.int32])
def test_constant_scalar(dtype):
    a = numpy.zeros((2, 3), dtype=dtype)
    initializers.Constant(4, dtype=dtype)(a)
    numpy.testing.assert_array_equal(a, numpy.full((2, 3), 4))
    assert a.dtype == dtype


def test_constant_broadcast_array():
    fill = numpy.array([1., 2., 3.])
    init = initializers.Constant(fill)
    assert init.fill_value is fill
    a = numpy.zeros((2, 3), dtype=numpy.float32)
    init(a)
    numpy.testing.assert_array_equal(a, [[1, 2, 3], [1, 2, 3]])


def test_constant_bad_broadcast():
    with pytest.raises(ValueError):
        initializers.Constant(numpy.ones(4))(numpy.zeros((2, 3)))


def test_constant_dtype_mismatch():
    with pytest.raises(AssertionError):
        initializers.Constant(1, dtype=numpy.float16)(numpy.empty(2))


@pytest.mark.parametrize('cls,value', [
    (initializers.Zero, 0.0), (initializers.One, 1.0),
])
def test_zero_one(cls, value):
    init = cls()
    assert init.fill_value == value
    assert init.dtype is None
    a = numpy.full((3, 2), 5.0, dtype=numpy.float32)
    init(a)
    numpy.testing.assert_array_equal(a, numpy.full((3, 2), value))
    assert cls(dtype=numpy.float16).dtype == numpy.float16


def test_nan():
    init = initializers.NaN()
    assert numpy.isnan(init.fill_value)
    a = numpy.zeros((2, 2))
    init(a)
    assert numpy.isnan(a).all()


@attr.gpu
def test_gpu_fill_values():
    cupy = cuda.cupy
    a = cupy.zeros((2, 3), numpy.float32)
    initializers.Constant(numpy.array([1., 2., 3.]))(a)
    numpy.testing.assert_array_equal(cuda.to_cpu(a), [[1, 2, 3]] * 2)
    b = numpy.zeros(3, numpy.float32)
    initializers.Constant(cupy.arange(3))(b)
    numpy.testing.assert_array_equal(b, [0, 1, 2])
    c = cupy.zeros((3, 3), numpy.float64)
    initializers.Identity(2.)(c)
    numpy.testing.assert_array_equal(cuda.to_cpu(c), 2 * numpy.eye(3))


@pytest.mark.parametrize('value', [[1., 2.], (1.,), None])
def test_constant_refuses_non_array_fill_value(value):
    # v5 accepts only scalars and arrays.
    with pytest.raises(ValueError):
        initializers.Constant(value)
