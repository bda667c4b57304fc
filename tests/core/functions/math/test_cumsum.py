import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((3, 4), None), ((3, 4), 0), ((3, 4), 1), ((2, 3, 4), -2), ((5,), 0),
    ((), None), ((0, 3), 1),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.cumsum(x, axis=axis)
    expected = numpy.cumsum(x.astype(numpy.float64), axis=axis)
    assert y.dtype == dtype and y.shape == expected.shape
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        y = functions.cumsum(x, axis=axis)
        return y * y
    gradient_check.check_backward(lambda x: functions.cumsum(x, axis), x,
                                  gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64,
                                         atol=1e-3, rtol=1e-3)


def test_non_contiguous():
    x = numpy.arange(24, dtype=numpy.float32).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.cumsum(x, axis=1).array,
                            numpy.cumsum(x, axis=1))


def test_docstring_example():
    y = functions.cumsum(numpy.array([[1., 2.], [3., 4.]], 'f'), axis=0)
    testing.assert_allclose(y.array, [[1, 2], [4, 6]])


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.cumsum(numpy.arange(3))
    with pytest.raises(type_check.InvalidType):
        functions.cumsum(numpy.ones((2, 3), 'f'), axis=2)
    with pytest.raises(TypeError):
        functions.cumsum(numpy.ones((2, 3), 'f'), axis=(0, 1))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(lambda x: functions.cumsum(x, axis=1),
                    lambda rng: [rng.uniform(-1, 1, (3, 4))])
