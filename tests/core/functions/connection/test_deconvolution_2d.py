import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check

CASES = [
    # stride, pad, outsize, dilate, groups
    (1, 0, None, 1, 1),
    (2, 1, None, 1, 1),
    (2, 0, (8, 7), 1, 1),
    ((2, 3), (1, 0), None, 2, 1),
    (1, 1, None, 1, 2),
    (2, 1, (8, 5), 1, 2),
]


def _data(dtype, groups, seed=0):
    rng = numpy.random.RandomState(seed)
    x = rng.uniform(-1, 1, (2, 4, 4, 3)).astype(dtype)
    W = rng.uniform(-1, 1, (4, 6 // groups, 3, 2)).astype(dtype)
    b = rng.uniform(-1, 1, 6).astype(dtype)
    return x, W, b


def _deconv(case):
    stride, pad, outsize, dilate, groups = case

    def f(x, W, b):
        return functions.deconvolution_2d(x, W, b, stride, pad, outsize,
                                          dilate=dilate, groups=groups)
    return f


@pytest.mark.parametrize('case', CASES)
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('nobias', [False, True])
def test_forward(ref_deconv, check_forward, case, dtype, nobias):
    x, W, b = _data(dtype, case[4])
    check_forward(_deconv(case), ref_deconv, (x, W, None if nobias else b),
                  case, dtype)


@pytest.mark.parametrize('case', CASES)
def test_backward(check_grads, case):
    x, W, b = _data(numpy.float64, case[4], seed=1)
    check_grads(_deconv(case), (x, W, b), 2, double=False,
                dtype=numpy.float64)


@pytest.mark.parametrize('case', CASES[:3])
def test_double_backward(check_grads, case):
    x, W, b = _data(numpy.float64, case[4], seed=3)
    check_grads(_deconv(case), (x, W, b), 4, backward=False,
                dtype=numpy.float64)


def test_is_adjoint_of_convolution():
    # <conv(u, W), v> == <u, deconv(v, W)>
    rng = numpy.random.RandomState(5)
    W = rng.randn(3, 2, 3, 3)
    u = rng.randn(2, 2, 7, 7)
    v = rng.randn(2, 3, 4, 4)
    lhs = (functions.convolution_2d(u, W, stride=2, pad=1).array * v).sum()
    rhs = (u * functions.deconvolution_2d(
        v, W, stride=2, pad=1, outsize=(7, 7)).array).sum()
    assert abs(lhs - rhs) < 1e-9


def test_bad_outsize():
    x, W, _ = _data(numpy.float32, 1)
    with pytest.raises(type_check.InvalidType):
        functions.deconvolution_2d(x, W, stride=2, outsize=(20, 20))


def test_channel_mismatch():
    x = numpy.zeros((1, 3, 4, 4), numpy.float32)
    W = numpy.zeros((2, 3, 3, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.deconvolution_2d(x, W)


def test_doctests(check_doctests):
    check_doctests('chainer.functions.connection.deconvolution_2d')


@testing.attr.gpu
@pytest.mark.parametrize('use_cudnn', ['always', 'never'])
def test_gpu(ref_deconv, use_cudnn):
    import chainer
    cuda = chainer.backends.cuda
    x, W, b = _data(numpy.float32, 2)
    with chainer.using_config('use_cudnn', use_cudnn):
        y = functions.deconvolution_2d(cuda.to_gpu(x), cuda.to_gpu(W),
                                       cuda.to_gpu(b), 2, 1, groups=2)
    testing.assert_allclose(ref_deconv(x, W, b, 2, 1, groups=2),
                            cuda.to_cpu(y.array), atol=1e-4, rtol=1e-4)
