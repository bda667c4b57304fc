import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('x_shape', [(4,), (2, 3)])
@pytest.mark.parametrize('ignore_label', [None, -1, 2])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_embed_id(x_shape, ignore_label, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.randint(0, 3, x_shape).astype(numpy.int32)
    if ignore_label == -1:
        x.flat[0] = -1
    W = rng.uniform(-1, 1, (3, 5)).astype(dtype)
    y = functions.embed_id(x, W, ignore_label)
    assert y.dtype == dtype and y.shape == x_shape + (5,)
    expected = numpy.zeros(x_shape + (5,), dtype)
    for i in numpy.ndindex(*x_shape):
        if x[i] != ignore_label:
            expected[i] = W[x[i]]
    testing.assert_allclose(expected, y.array, atol=0, rtol=0)

    def f(W):
        return functions.embed_id(x, W, ignore_label)
    gy = rng.uniform(-1, 1, y.shape).astype(dtype)
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {}
    gradient_check.check_backward(f, W, gy, dtype=numpy.float64, **tol)
    ggW = rng.uniform(-1, 1, W.shape).astype(dtype)
    gradient_check.check_double_backward(f, W, gy, ggW,
                                         dtype=numpy.float64, **tol)


def test_gradient_accumulates_repeats():
    W = chainer.Variable(numpy.zeros((3, 2)))
    y = functions.embed_id(numpy.array([1, 1, 0, 1], numpy.int32), W)
    y.grad = numpy.ones((4, 2))
    y.backward()
    testing.assert_allclose(W.grad, [[1, 1], [3, 3], [0, 0]])


def test_out_of_range():
    W = numpy.zeros((3, 2), numpy.float32)
    with pytest.raises(ValueError, match='len\\(W\\)'):
        functions.embed_id(numpy.array([3], numpy.int32), W)
    with pytest.raises(ValueError):
        functions.embed_id(numpy.array([-1], numpy.int32), W)
    functions.embed_id(numpy.array([-1], numpy.int32), W, ignore_label=-1)


def test_bad_types():
    W = numpy.zeros((3, 2), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.embed_id(numpy.array([0.0], numpy.float32), W)
    with pytest.raises(type_check.InvalidType):
        functions.embed_id(numpy.array([0], numpy.int32), W[0])


def test_doctests(check_doctests):
    check_doctests('chainer.functions.connection.embed_id')


@testing.attr.gpu
def test_gpu():
    cuda = chainer.backends.cuda
    x = numpy.array([[0, 2], [1, -1]], numpy.int32)
    W = numpy.random.RandomState(3).randn(3, 4).astype(numpy.float32)
    Wg = chainer.Variable(cuda.to_gpu(W))
    y = functions.embed_id(cuda.to_gpu(x), Wg, ignore_label=-1)
    y.grad = cuda.cupy.ones(y.shape, numpy.float32)
    y.backward()
    Wc = chainer.Variable(W)
    yc = functions.embed_id(x, Wc, ignore_label=-1)
    yc.grad = numpy.ones(yc.shape, numpy.float32)
    yc.backward()
    testing.assert_allclose(yc.array, cuda.to_cpu(y.array))
    testing.assert_allclose(Wc.grad, cuda.to_cpu(Wg.grad))
