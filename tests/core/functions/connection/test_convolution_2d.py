import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing
from chainer.utils import type_check

CASES = [
    # stride, pad, cover_all, dilate, groups
    (1, 0, False, 1, 1),
    (2, 1, False, 1, 1),
    ((2, 1), (1, 2), True, 1, 1),
    (1, 1, False, 2, 1),
    (1, 0, False, 1, 2),
    (2, (0, 1), True, (1, 2), 2),
]


def _data(dtype, groups, seed=0, c=4, o=6, hw=(6, 5), k=(3, 2)):
    rng = numpy.random.RandomState(seed)
    x = rng.uniform(-1, 1, (2, c) + hw).astype(dtype)
    W = rng.uniform(-1, 1, (o, c // groups) + k).astype(dtype)
    b = rng.uniform(-1, 1, o).astype(dtype)
    return x, W, b


def _conv(case):
    stride, pad, cover_all, dilate, groups = case

    def f(x, W, b):
        return functions.convolution_2d(x, W, b, stride, pad, cover_all,
                                        dilate=dilate, groups=groups)
    return f


@pytest.mark.parametrize('case', CASES)
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('nobias', [False, True])
def test_forward(ref_conv, check_forward, case, dtype, nobias):
    x, W, b = _data(dtype, case[4])
    check_forward(_conv(case), ref_conv, (x, W, None if nobias else b),
                  case, dtype)


@pytest.mark.parametrize('case', CASES)
def test_backward(check_grads, case):
    x, W, b = _data(numpy.float64, case[4], seed=1)
    check_grads(_conv(case), (x, W, b), 2, double=False,
                dtype=numpy.float64, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize('case', CASES[:3] + CASES[4:5])
def test_double_backward(check_grads, case):
    x, W, b = _data(numpy.float64, case[4], seed=3, c=2, o=2, hw=(4, 4))
    check_grads(_conv(case), (x, W, b), 4, backward=False,
                dtype=numpy.float64, atol=1e-4, rtol=1e-3)


def test_values_small():
    x = numpy.arange(16, dtype=numpy.float32).reshape(1, 1, 4, 4)
    W = numpy.ones((1, 1, 2, 2), numpy.float32)
    y = functions.convolution_2d(x, W, stride=2)
    testing.assert_allclose(y.array[0, 0], [[10, 18], [42, 50]])


def test_noncontiguous_input(ref_conv):
    rng = numpy.random.RandomState(5)
    x = rng.randn(6, 3, 8, 10)[::2, :, ::2, 1::2]
    W = numpy.asfortranarray(rng.randn(4, 3, 2, 2))
    y = functions.convolution_2d(x, W, pad=1)
    testing.assert_allclose(ref_conv(x, W, pad=1), y.array)


def test_gradient_values(ref_conv):
    # The W gradient equals the correlation of x and gy.
    rng = numpy.random.RandomState(6)
    x = chainer.Variable(rng.randn(2, 3, 5, 5))
    W = chainer.Variable(rng.randn(4, 3, 3, 3))
    y = functions.convolution_2d(x, W, pad=1)
    y.grad = rng.randn(*y.shape)
    y.backward()
    gW = numpy.zeros_like(W.array)
    for i in range(3):
        for j in range(3):
            e = numpy.zeros((1, 1, 3, 3))
            e[0, 0, i, j] = 1
            for c in range(3):
                xc = x.array[:, c:c + 1]
                patch = ref_conv(xc, e, pad=1)[:, 0]
                gW[:, c, i, j] = numpy.einsum('nhw,nohw->o', patch, y.grad)
    testing.assert_allclose(gW, W.grad)


def test_channel_mismatch():
    x = numpy.zeros((1, 3, 5, 5), numpy.float32)
    W = numpy.zeros((2, 4, 3, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType, match='W'):
        functions.convolution_2d(x, W)


def test_groups_mismatch():
    x = numpy.zeros((1, 4, 5, 5), numpy.float32)
    W = numpy.zeros((3, 2, 3, 3), numpy.float32)
    with pytest.raises(ValueError, match='groups'):
        functions.convolution_2d(x, W, groups=2)


def test_kernel_too_large():
    x = numpy.zeros((1, 1, 3, 3), numpy.float32)
    W = numpy.zeros((2, 1, 5, 5), numpy.float32)
    with pytest.raises(RuntimeError, match=r'\(1, 1, 3, 3\)'):
        functions.convolution_2d(x, W)
    functions.convolution_2d(x, W, pad=1)


def test_bad_bias():
    x = numpy.zeros((1, 1, 3, 3), numpy.float32)
    W = numpy.zeros((2, 1, 2, 2), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.convolution_2d(x, W, numpy.zeros(3, numpy.float32))


def test_deterministic_kwarg_rejected():
    x = numpy.zeros((1, 1, 3, 3), numpy.float32)
    W = numpy.zeros((2, 1, 2, 2), numpy.float32)
    with pytest.raises(ValueError, match='cudnn_deterministic'):
        functions.convolution_2d(x, W, deterministic=True)
    with pytest.raises(TypeError):
        functions.convolution_2d(x, W, foo=1)


@testing.attr.gpu
@pytest.mark.parametrize('use_cudnn', ['always', 'never'])
def test_gpu(ref_conv, use_cudnn):
    cuda = chainer.backends.cuda
    x, W, b = _data(numpy.float32, 2)
    xg, Wg, bg = (chainer.Variable(cuda.to_gpu(a)) for a in (x, W, b))
    with chainer.using_config('use_cudnn', use_cudnn):
        y = functions.convolution_2d(xg, Wg, bg, 2, 1, groups=2)
        y.grad = cuda.cupy.ones(y.shape, numpy.float32)
        y.backward()
    testing.assert_allclose(ref_conv(x, W, b, 2, 1, groups=2),
                            cuda.to_cpu(y.array), atol=1e-4, rtol=1e-4)
    xc, Wc, bc = (chainer.Variable(a) for a in (x, W, b))
    yc = functions.convolution_2d(xc, Wc, bc, 2, 1, groups=2)
    yc.grad = numpy.ones(yc.shape, numpy.float32)
    yc.backward()
    for c, g in ((xc, xg), (Wc, Wg), (bc, bg)):
        testing.assert_allclose(c.grad, cuda.to_cpu(g.grad), atol=1e-4,
                                rtol=1e-4)


def test_doctests(check_doctests):
    check_doctests('chainer.functions.connection.convolution_2d')


@testing.attr.cudnn
@pytest.mark.parametrize('deterministic', [False, True])
def test_cudnn_config(ref_conv, deterministic):
    cuda = chainer.backends.cuda
    x, W, b = _data(numpy.float32, 1)
    xg, Wg = (chainer.Variable(cuda.to_gpu(a)) for a in (x, W))
    with chainer.using_config('use_cudnn', 'always'), \
            chainer.using_config('cudnn_deterministic', deterministic), \
            chainer.using_config('autotune', True):
        y = functions.convolution_2d(xg, Wg, cuda.to_gpu(b), 1, 1)
        y.grad = cuda.cupy.ones(y.shape, numpy.float32)
        y.backward()
    testing.assert_allclose(ref_conv(x, W, b, 1, 1), cuda.to_cpu(y.array),
                            atol=1e-4, rtol=1e-4)
    assert Wg.grad is not None and xg.grad is not None


def test_empty_batch():
    x = chainer.Variable(numpy.zeros((0, 2, 5, 5), numpy.float32))
    W = chainer.Variable(numpy.ones((3, 2, 3, 3), numpy.float32))
    y = functions.convolution_2d(x, W, pad=1)
    assert y.shape == (0, 3, 5, 5)
    y.grad = numpy.zeros(y.shape, numpy.float32)
    y.backward()
    testing.assert_allclose(W.grad, numpy.zeros((3, 2, 3, 3)))
    assert x.grad.shape == x.shape


def test_many_chunks(ref_conv):
    # A batch large enough to be processed in several chunks.
    rng = numpy.random.RandomState(7)
    x = rng.uniform(-1, 1, (40, 3, 20, 20)).astype(numpy.float32)
    W = rng.uniform(-1, 1, (4, 3, 3, 3)).astype(numpy.float32)
    xv, Wv = chainer.Variable(x), chainer.Variable(W)
    y = functions.convolution_2d(xv, Wv, stride=1, pad=1)
    testing.assert_allclose(ref_conv(x, W, pad=1), y.array, atol=1e-4,
                            rtol=1e-4)
    gy = rng.uniform(-1, 1, y.shape).astype(numpy.float32)
    y.grad = gy
    y.backward()
    x64, W64, gy64 = (a.astype(numpy.float64) for a in (x, W, gy))
    # Gradients against the float64 adjoints on the whole batch.
    gW = numpy.zeros((4, 3, 3, 3))
    xp_ = numpy.pad(x64, ((0, 0), (0, 0), (1, 1), (1, 1)))
    for i in range(3):
        for j in range(3):
            gW[:, :, i, j] = numpy.einsum(
                'nchw,nohw->oc', xp_[:, :, i:i + 20, j:j + 20], gy64)
    testing.assert_allclose(gW, Wv.grad, atol=1e-2, rtol=1e-4)
    gx = functions.deconvolution_2d(gy64, W64, pad=1).array
    testing.assert_allclose(gx, xv.grad, atol=1e-3, rtol=1e-4)


@pytest.mark.parametrize('stride, cover_all, hw', [
    (1, False, (4, 5)), (2, False, (5, 6)), ((2, 3), False, (6, 7)),
    (2, True, (4, 5)), ((1, 2), True, (3, 4))])
def test_pointwise_kernel_grads(check_grads, stride, cover_all, hw):
    # 1x1 kernels without padding take a gradient path with no col2im; the
    # strided and cover_all cases leave pixels that no window reads.
    x, W, b = _data(numpy.float64, 1, seed=5, c=3, o=4, hw=hw, k=(1, 1))
    check_grads(_conv((stride, 0, cover_all, 1, 1)), (x, W, b), 6,
                double=False, dtype=numpy.float64, atol=1e-5, rtol=1e-4)
