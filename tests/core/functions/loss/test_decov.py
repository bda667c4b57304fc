import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('reduce', ['half_squared_sum', 'no'])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_forward(reduce, dtype):
    h = numpy.random.RandomState(0).uniform(-1, 1, (6, 4))
    hc = h - h.mean(0)
    cov = hc.T.dot(hc) / 6
    numpy.fill_diagonal(cov, 0)
    expected = cov if reduce == 'no' else 0.5 * (cov ** 2).sum()
    loss = functions.decov(h.astype(dtype), reduce)
    assert loss.dtype == dtype
    testing.assert_allclose(expected, loss.array, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize('reduce', ['half_squared_sum', 'no'])
def test_backward(reduce):
    rng = numpy.random.RandomState(1)
    h = rng.uniform(-1, 1, (5, 3))
    gy = rng.uniform(-1, 1, () if reduce != 'no' else (3, 3))
    ggh = rng.uniform(-1, 1, h.shape)
    f = lambda h: functions.decov(h, reduce)  # NOQA
    gradient_check.check_backward(f, h, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(f, h, gy, ggh, dtype=numpy.float64)


def test_errors():
    # v5 checks the input with type_check.
    with pytest.raises(type_check.InvalidType):
        functions.decov(numpy.zeros(3, 'f'))
    with pytest.raises(type_check.InvalidType):
        functions.decov(numpy.zeros((2, 3), 'i'))
    with pytest.raises(ValueError, match="only 'half_squared_sum'"):
        functions.decov(numpy.zeros((2, 3), 'f'), reduce='sum')


def test_float32_value_as_v5():
    # v5 centers, multiplies, zeroes the diagonal, divides by N and takes
    # half the squared norm with one dot product, all in float32.
    h = numpy.random.RandomState(2).uniform(-1, 1, (7, 5)).astype('f')
    hc = h - h.mean(axis=0, keepdims=True)
    cov = hc.T.dot(hc)
    numpy.fill_diagonal(cov, 0)
    cov /= 7
    loss = functions.decov(h)
    assert loss.dtype == numpy.float32
    assert loss.array == numpy.vdot(cov, cov) * numpy.float32(0.5)
