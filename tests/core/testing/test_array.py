import numpy
import pytest

from chainer import testing
from chainer.testing import attr


@pytest.mark.parametrize('x, y', [
    (numpy.array([1., 2.]), numpy.array([1., 2.00001])),
    (1.0, numpy.float32(1.0)),
    ([[1, 2], [3, 4]], numpy.array([[1, 2], [3, 4]], numpy.int32)),
    (numpy.array(3.0, numpy.float16), 3.0),
    (numpy.zeros((0, 3)), numpy.zeros((0, 3))),
])
def test_passes(x, y):
    testing.assert_allclose(x, y)


def test_tolerances_follow_numpy_rule():
    # |x - y| <= atol + rtol * |y|
    testing.assert_allclose(110., 100., atol=0., rtol=0.1)
    with pytest.raises(AssertionError):
        testing.assert_allclose(100., 110., atol=0., rtol=0.05)
    testing.assert_allclose(0.5, 0., atol=0.5, rtol=0.)
    with pytest.raises(AssertionError):
        testing.assert_allclose(0.5, 0.)


def test_default_tolerances():
    testing.assert_allclose(1. + 1e-4, 1.)  # 1e-5 + 1e-4 * 1
    with pytest.raises(AssertionError):
        testing.assert_allclose(1. + 2e-4, 1.)


def test_failure_message_locates_worst_element():
    x = numpy.array([[1., 2., 3.], [4., 5., 6.]], numpy.float32)
    y = x.copy()
    y[1, 2] = 9.
    y[0, 0] = 1.5
    with pytest.raises(AssertionError) as info:
        testing.assert_allclose(x, y)
    message = str(info.value)
    assert 'Max absolute difference' in message
    assert 'Max relative difference' in message
    assert 'assert_allclose failed' in message
    assert 'shape: (2, 3) (2, 3)' in message
    assert 'dtype: float32 float32' in message
    assert 'i: (1, 2)' in message
    assert 'x[i]: 6.0' in message
    assert 'y[i]: 9.0' in message
    assert 'err[i]: 3.0' in message
    assert 'x: [[1. 2. 3.]' in message
    assert 'y: [[1.5 2.  3. ]' in message


def test_failure_scalar_and_unsigned():
    with pytest.raises(AssertionError) as info:
        testing.assert_allclose(numpy.array(2, numpy.uint8),
                                numpy.array(5, numpy.uint8))
    # No wrap-around: the error is 3, not 253.
    assert 'err[i]: 3.0' in str(info.value)


def test_shape_mismatch():
    with pytest.raises(AssertionError) as info:
        testing.assert_allclose(numpy.zeros(3), numpy.zeros(4))
    assert 'shape: (3,) (4,)' in str(info.value)


def test_nan_mismatch():
    with pytest.raises(AssertionError):
        testing.assert_allclose(numpy.array([numpy.nan]), numpy.array([1.]))
    testing.assert_allclose(numpy.array([numpy.nan]), numpy.array([numpy.nan]))


@attr.gpu
def test_gpu_and_cpu_mixed():
    from chainer.backends import cuda
    x = cuda.to_gpu(numpy.array([1., 2.]))
    testing.assert_allclose(x, numpy.array([1., 2.]))
    with pytest.raises(AssertionError):
        testing.assert_allclose(x, cuda.to_gpu(numpy.array([1., 3.])))
