import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check

CASES = [
    # ksize, stride, pad
    (2, None, 0),
    (3, 2, 1),
    ((2, 3), (1, 2), (1, 0)),
    (1, 1, 0),
]


@pytest.mark.parametrize('case', CASES)
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward(pool_ref, case, dtype):
    ksize, stride, pad = case
    x = numpy.random.RandomState(0).uniform(-1, 1, (2, 3, 6, 5)).astype(
        dtype)
    y = functions.average_pooling_2d(x, ksize, stride, pad)
    assert y.dtype == dtype
    tol = {'atol': 5e-3, 'rtol': 5e-3} if dtype == numpy.float16 else {}
    testing.assert_allclose(pool_ref['avg'](x, ksize, stride or ksize, pad),
                            y.array, **tol)


@pytest.mark.parametrize('case', CASES)
def test_backward_and_double(case):
    ksize, stride, pad = case
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (2, 3, 6, 5))

    def f(x):
        return functions.average_pooling_2d(x, ksize, stride, pad)
    gy = rng.uniform(-1, 1, f(x).shape)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, x, gy, rng.uniform(-1, 1, x.shape), dtype=numpy.float64)


def test_gradient_values():
    x = chainer.Variable(numpy.zeros((1, 1, 2, 4)))
    y = functions.average_pooling_2d(x, 2)
    y.grad = numpy.array([[[[4., 8.]]]])
    y.backward()
    testing.assert_allclose(x.grad, [[[[1, 1, 2, 2], [1, 1, 2, 2]]]])


def test_bad_input():
    with pytest.raises(type_check.InvalidType):
        functions.average_pooling_2d(numpy.zeros((2, 3), numpy.float32), 2)
    with pytest.raises(type_check.InvalidType):
        functions.average_pooling_2d(numpy.zeros((1, 1, 4, 4), numpy.int32),
                                     2)
    with pytest.raises(RuntimeError):
        functions.average_pooling_2d(numpy.zeros((1, 1, 2, 2)), 3)


def test_doctests(check_doctests):
    check_doctests('chainer.functions.pooling.average_pooling_2d')


@testing.attr.gpu
def test_gpu(pool_ref):
    cuda = chainer.backends.cuda
    x = numpy.random.RandomState(2).uniform(-1, 1, (2, 3, 6, 5)).astype(
        numpy.float32)
    y = functions.average_pooling_2d(cuda.to_gpu(x), 3, 2, 1)
    testing.assert_allclose(pool_ref['avg'](x, 3, 2, 1),
                            cuda.to_cpu(y.array))


@testing.attr.cudnn
def test_cudnn_backward(pool_ref):
    cuda = chainer.backends.cuda
    x = numpy.random.RandomState(4).uniform(-1, 1, (2, 3, 6, 5)).astype(
        numpy.float32)
    xg = chainer.Variable(cuda.to_gpu(x))
    with chainer.using_config('use_cudnn', 'always'):
        y = functions.average_pooling_2d(xg, 3, 2, 1)
        y.grad = cuda.cupy.ones(y.shape, numpy.float32)
        y.backward()
    xc = chainer.Variable(x)
    yc = functions.average_pooling_2d(xc, 3, 2, 1)
    yc.grad = numpy.ones(yc.shape, numpy.float32)
    yc.backward()
    testing.assert_allclose(xc.grad, cuda.to_cpu(xg.grad))
