import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check

CASES = [
    # ksize, stride, pad, cover_all
    (2, None, 0, True),
    (3, 2, 1, True),
    (3, 2, 1, False),
    ((2, 3), (1, 2), (1, 0), True),
    (1, 1, 0, False),
]


def _x(dtype, shape=(2, 3, 6, 5), seed=0):
    # Distinct values, well separated, so the argmax is stable under the
    # numerical gradient's perturbations.
    rng = numpy.random.RandomState(seed)
    n = numpy.prod(shape)
    return (rng.permutation(n).reshape(shape) * 0.1 - n * 0.05).astype(
        dtype)


@pytest.mark.parametrize('case', CASES)
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward(pool_ref, case, dtype):
    ksize, stride, pad, cover_all = case
    x = _x(dtype, shape=(2, 3, 4, 3)) if dtype == numpy.float16 else \
        _x(dtype)
    y = functions.max_pooling_2d(x, ksize, stride, pad, cover_all)
    assert y.dtype == dtype
    expected = pool_ref['max'](x, ksize, stride or ksize, pad, cover_all)
    testing.assert_allclose(expected, y.array, atol=0, rtol=0)


@pytest.mark.parametrize('case', CASES)
def test_backward_and_double(case):
    ksize, stride, pad, cover_all = case
    x = _x(numpy.float64)
    rng = numpy.random.RandomState(1)

    def f(x):
        return functions.max_pooling_2d(x, ksize, stride, pad, cover_all)
    gy = rng.uniform(-1, 1, f(x).shape)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    ggx = rng.uniform(-1, 1, x.shape)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64)


def test_return_indices(pool_ref):
    x = _x(numpy.float32, shape=(2, 2, 5, 4))
    y, idx = functions.max_pooling_2d(x, (3, 2), 2, 1, return_indices=True)
    assert idx.shape == y.shape
    assert idx.dtype.kind == 'i'
    # Index i * kw + j of the max inside each (padded) window.
    for o, cells, _, _ in pool_ref['windows'](x.shape[2:], (3, 2), 2, 1,
                                              True):
        for n in range(2):
            for c in range(2):
                k = idx[n, c][o]
                i, j = divmod(int(k), 2)
                pos = (o[0] * 2 + i - 1, o[1] * 2 + j - 1)
                assert x[n, c][pos] == y.array[n, c][o]


def test_gradient_goes_to_max():
    x = chainer.Variable(numpy.array(
        [[[[1., 5.], [3., 2.]]]]))
    y = functions.max_pooling_2d(x, 2)
    y.grad = numpy.array([[[[7.]]]])
    y.backward()
    testing.assert_allclose(x.grad, [[[[0, 7], [0, 0]]]])


def test_noncontiguous(pool_ref):
    x = _x(numpy.float64, shape=(2, 3, 8, 10))[:, :, ::2, 1::2]
    testing.assert_allclose(pool_ref['max'](x, 2, 2, 0, True),
                            functions.max_pooling_2d(x, 2).array)


def test_bad_ndim():
    with pytest.raises(type_check.InvalidType):
        functions.max_pooling_2d(numpy.zeros((2, 3, 4), numpy.float32), 2)


def test_window_too_large():
    with pytest.raises(RuntimeError, match='ksize'):
        functions.max_pooling_2d(numpy.zeros((1, 1, 2, 2), numpy.float32),
                                 5, cover_all=False)


@testing.attr.gpu
def test_gpu(pool_ref):
    cuda = chainer.backends.cuda
    x = _x(numpy.float32)
    xg = chainer.Variable(cuda.to_gpu(x))
    y = functions.max_pooling_2d(xg, 3, 2, 1)
    testing.assert_allclose(pool_ref['max'](x, 3, 2, 1, True),
                            cuda.to_cpu(y.array))
    y.grad = cuda.cupy.ones(y.shape, numpy.float32)
    y.backward()
    xc = chainer.Variable(x)
    yc = functions.max_pooling_2d(xc, 3, 2, 1)
    yc.grad = numpy.ones(yc.shape, numpy.float32)
    yc.backward()
    testing.assert_allclose(xc.grad, cuda.to_cpu(xg.grad))


def test_doctests(check_doctests):
    check_doctests('chainer.functions.pooling.max_pooling_2d')


@testing.attr.cudnn
def test_cudnn_matches_cpu(pool_ref):
    cuda = chainer.backends.cuda
    x = _x(numpy.float32)
    gy = numpy.random.RandomState(3).uniform(-1, 1, (2, 3, 3, 3)).astype(
        numpy.float32)
    xg = chainer.Variable(cuda.to_gpu(x))
    gyg = chainer.Variable(cuda.to_gpu(gy))
    with chainer.using_config('use_cudnn', 'always'):
        y = functions.max_pooling_2d(xg, 3, 2, 1, cover_all=False)
        gx, = chainer.grad([y], [xg], grad_outputs=[gyg],
                           enable_double_backprop=True)
        # Double backprop finds the argmax again after the cuDNN pass.
        ggy, = chainer.grad([gx], [gyg], grad_outputs=[gx])
    xc = chainer.Variable(x)
    gyc = chainer.Variable(gy)
    yc = functions.max_pooling_2d(xc, 3, 2, 1, cover_all=False)
    gxc, = chainer.grad([yc], [xc], grad_outputs=[gyc],
                        enable_double_backprop=True)
    ggyc, = chainer.grad([gxc], [gyc], grad_outputs=[gxc])
    testing.assert_allclose(yc.array, cuda.to_cpu(y.array))
    testing.assert_allclose(gxc.array, cuda.to_cpu(gx.array))
    testing.assert_allclose(ggyc.array, cuda.to_cpu(ggy.array))
