import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('reduce', ['half_squared_sum', 'no'])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_forward(reduce, dtype):
    rng = numpy.random.RandomState(0)
    y = rng.uniform(-1, 1, (5, 3))
    z = rng.uniform(-1, 1, (5, 2))
    cov = (y - y.mean(0)).T.dot(z - z.mean(0)) / 5
    expected = cov if reduce == 'no' else 0.5 * (cov ** 2).sum()
    loss = functions.cross_covariance(y.astype(dtype), z.astype(dtype),
                                      reduce)
    assert loss.dtype == dtype
    testing.assert_allclose(expected, loss.array, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize('reduce', ['half_squared_sum', 'no'])
def test_backward(reduce):
    rng = numpy.random.RandomState(1)
    y = rng.uniform(-1, 1, (4, 3))
    z = rng.uniform(-1, 1, (4, 2))
    gy = rng.uniform(-1, 1, () if reduce != 'no' else (3, 2))
    gg = (rng.uniform(-1, 1, y.shape), rng.uniform(-1, 1, z.shape))

    def f(y, z):
        return functions.cross_covariance(y, z, reduce)
    gradient_check.check_backward(f, (y, z), gy, dtype=numpy.float64)
    gradient_check.check_double_backward(f, (y, z), gy, gg,
                                         dtype=numpy.float64)


def test_errors():
    # v5 checks the inputs with type_check.
    with pytest.raises(type_check.InvalidType):
        functions.cross_covariance(numpy.zeros((2, 3), 'f'),
                                   numpy.zeros((3, 3), 'f'))
    with pytest.raises(type_check.InvalidType):
        functions.cross_covariance(numpy.zeros((2, 3), 'f'),
                                   numpy.zeros((2, 3), 'd'))
    with pytest.raises(type_check.InvalidType):
        functions.cross_covariance(numpy.zeros(2, 'f'), numpy.zeros(2, 'f'))
    with pytest.raises(ValueError, match="only 'half_squared_sum'"):
        functions.cross_covariance(numpy.zeros((2, 3), 'f'),
                                   numpy.zeros((2, 3), 'f'), reduce='mean')


def test_float32_value_as_v5():
    # v5 divides the float32 covariance by N and takes half its squared
    # norm with one dot product.
    rng = numpy.random.RandomState(2)
    y = rng.uniform(-1, 1, (7, 5)).astype('f')
    z = rng.uniform(-1, 1, (7, 3)).astype('f')
    cov = (y - y.mean(axis=0, keepdims=True)).T.dot(
        z - z.mean(axis=0, keepdims=True))
    cov /= 7
    loss = functions.cross_covariance(y, z)
    assert loss.dtype == numpy.float32
    assert loss.array == numpy.vdot(cov, cov) * numpy.float32(0.5)
