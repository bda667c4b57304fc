"""The cuDNN paths of max and average pooling (``fake_cudnn`` runs the
glue on CPU; ``cudnn``-marked tests compare real cuDNN with the CuPy
kernels)."""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions as F
from chainer import testing
from chainer.testing import attr


# (x shape, ksize, stride, pad)
CASES = [((2, 3, 6, 5), 2, 2, 0), ((2, 2, 7, 6), 3, 2, 1),
         ((1, 2, 4, 5, 6), (2, 3, 2), (2, 1, 2), (1, 1, 0))]


def _pool(kind):
    if kind == 'max':
        return lambda x, k, s, p: F.max_pooling_nd(x, k, s, p,
                                                   cover_all=False)
    pad_value = 0 if kind == 'avg_include' else None
    return lambda x, k, s, p: F.average_pooling_nd(x, k, s, p,
                                                   pad_value=pad_value)


def _run(kind, x, ksize, stride, pad, use_cudnn, double=False):
    xv = chainer.Variable(x)
    with chainer.using_config('use_cudnn', use_cudnn):
        y = _pool(kind)(xv, ksize, stride, pad)
        xp = cuda.get_array_module(x)
        gy = xp.asarray(numpy.random.RandomState(2).uniform(
            -1, 1, y.shape).astype(y.dtype))
        gx, = chainer.grad([y], [xv], [chainer.Variable(gy)],
                           enable_double_backprop=double)
        out = [y.array, gx.array]
        if double:
            out.append(chainer.grad([F.sum(gx * gx * xv)], [xv])[0].array)
    return out


def _x(shape, dtype, xp=numpy):
    # A permutation: no ties for max pooling to break differently.
    rng = numpy.random.RandomState(0)
    x = rng.permutation(numpy.prod(shape)).reshape(shape) / 10.
    return xp.asarray(x.astype(dtype))


KINDS = ['max', 'avg_include', 'avg_exclude']


@pytest.mark.parametrize('kind', KINDS)
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
@pytest.mark.parametrize('shape,ksize,stride,pad', CASES)
def test_matches_kernels(fake_cudnn, kind, dtype, shape, ksize, stride,
                         pad):
    x = _x(shape, dtype)
    expect = _run(kind, x, ksize, stride, pad, 'never')
    assert fake_cudnn.calls == []
    actual = _run(kind, x, ksize, stride, pad, 'auto')
    assert [c[0] for c in fake_cudnn.calls] == ['pooling_forward',
                                                'pooling_backward']
    modes = {'max': 0, 'avg_include': 1, 'avg_exclude': 2}
    assert fake_cudnn.calls[0][1] == modes[kind]
    for e, a in zip(expect, actual):
        assert a.dtype == dtype
        testing.assert_allclose(e, a, atol=1e-6, rtol=1e-5)


@pytest.mark.parametrize('kind', KINDS)
def test_double_backward_matches_kernels(fake_cudnn, kind):
    x = _x((2, 2, 5, 4), numpy.float64)
    expect = _run(kind, x, 2, 1, 1, 'never', double=True)
    actual = _run(kind, x, 2, 1, 1, 'auto', double=True)
    assert fake_cudnn.calls
    for e, a in zip(expect, actual):
        testing.assert_allclose(e, a, atol=1e-12, rtol=1e-10)


@pytest.mark.parametrize('case', ['1d', 'cover_all', 'return_indices'])
def test_ineligible_poolings_take_the_kernels(fake_cudnn, case):
    x = _x((2, 3, 6, 5), numpy.float32)
    if case == '1d':
        F.max_pooling_nd(x[..., 0], 2, cover_all=False)
        F.average_pooling_nd(x[..., 0], 2)
    elif case == 'cover_all':
        F.max_pooling_nd(x, 3, 2, cover_all=True)
    else:
        F.max_pooling_nd(x, 2, cover_all=False, return_indices=True)
    assert fake_cudnn.calls == []


@attr.cudnn
@pytest.mark.parametrize('kind', KINDS)
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('shape,ksize,stride,pad', CASES)
def test_cudnn_matches_cupy_kernels_on_gpu(cudnn_spy, kind, dtype, shape,
                                           ksize, stride, pad):
    x = _x(shape, dtype, cuda.cupy)
    expect = _run(kind, x, ksize, stride, pad, 'never')
    assert cudnn_spy.calls == []
    actual = _run(kind, x, ksize, stride, pad, 'always')
    assert cudnn_spy.calls == ['pooling_forward', 'pooling_backward']
    tol = ({'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16
           else {'atol': 1e-6, 'rtol': 1e-5})
    for e, a in zip(expect, actual):
        testing.assert_allclose(cuda.to_cpu(e), cuda.to_cpu(a), **tol)
