"""The cuDNN paths of convolution and deconvolution (``fake_cudnn`` runs
the glue on CPU; ``cudnn``-marked tests compare real cuDNN with the CuPy
kernels)."""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions as F
from chainer import testing
from chainer.testing import attr


# (x shape, W shape, stride, pad, dilate, groups)
CONV_CASES = [
    ((2, 3, 5, 4), (4, 3, 3, 2), 1, 1, 1, 1),
    ((2, 4, 7, 6), (6, 2, 3, 3), 2, (1, 0), 1, 2),
    ((1, 2, 7, 7), (3, 2, 2, 2), 1, 1, 2, 1),
    ((2, 2, 4, 3, 5), (3, 2, 2, 2, 3), (1, 2, 1), 1, 1, 1),
]


def _arrays(x_shape, w_shape, dtype, seed=0, xp=numpy):
    rng = numpy.random.RandomState(seed)

    def u(shape):
        return xp.asarray(rng.uniform(-1, 1, shape).astype(dtype))

    return u(x_shape), u(w_shape), u(w_shape[:1])


def _grads(fn, x, W, b, use_cudnn, double=False, **kwargs):
    xv, Wv, bv = (chainer.Variable(a) for a in (x, W, b))
    with chainer.using_config('use_cudnn', use_cudnn):
        y = fn(xv, Wv, bv, **kwargs)
        rng = numpy.random.RandomState(5)
        xp = cuda.get_array_module(x)
        gy = xp.asarray(rng.uniform(-1, 1, y.shape).astype(y.dtype))
        gs = chainer.grad([y], [xv, Wv, bv], [chainer.Variable(gy)],
                          enable_double_backprop=double)
        out = [y.array] + [g.array for g in gs]
        if double:
            out += [g.array for g in chainer.grad(
                [F.sum(gs[0] * gs[0]) + F.sum(gs[1] * gs[1])], [xv, Wv])]
    return out


def _tol(dtype):
    return ({'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16
            else {'atol': 1e-5, 'rtol': 1e-4})


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('case', CONV_CASES)
def test_convolution_matches_kernels(fake_cudnn, dtype, case):
    x_shape, w_shape, stride, pad, dilate, groups = case
    x, W, b = _arrays(x_shape, w_shape, dtype)
    kw = dict(stride=stride, pad=pad, dilate=dilate, groups=groups)
    expect = _grads(F.convolution_nd, x, W, b, 'never', **kw)
    assert fake_cudnn.calls == []
    actual = _grads(F.convolution_nd, x, W, b, 'auto', **kw)
    assert fake_cudnn.calls == ['conv_forward', 'conv_backward_data',
                                'conv_backward_filter'] or \
        fake_cudnn.calls == ['conv_forward', 'conv_backward_filter',
                             'conv_backward_data']
    for e, a in zip(expect, actual):
        assert a.dtype == dtype and a.shape == e.shape
        testing.assert_allclose(e, a, **_tol(dtype))


@pytest.mark.parametrize('case', CONV_CASES[:2])
def test_deconvolution_matches_kernels(fake_cudnn, case):
    x_shape, w_shape, stride, pad, dilate, groups = case
    # The deconvolution's W maps its input channels (W.shape[0]) out.
    x_shape = (x_shape[0], w_shape[0]) + x_shape[2:]
    x, W, _ = _arrays(x_shape, w_shape, numpy.float32)
    b = numpy.random.RandomState(1).uniform(
        -1, 1, w_shape[1] * groups).astype(numpy.float32)
    kw = dict(stride=stride, pad=pad, groups=groups)
    expect = _grads(F.deconvolution_nd, x, W, b, 'never', **kw)
    actual = _grads(F.deconvolution_nd, x, W, b, 'auto', **kw)
    assert fake_cudnn.calls[0] == 'conv_backward_data'
    assert sorted(fake_cudnn.calls[1:]) == ['conv_backward_filter',
                                            'conv_forward']
    for e, a in zip(expect, actual):
        testing.assert_allclose(e, a, atol=1e-5, rtol=1e-4)


def test_double_backward_matches_kernels(fake_cudnn):
    x, W, b = _arrays((2, 3, 5, 4), (4, 3, 3, 2), numpy.float64)
    expect = _grads(F.convolution_nd, x, W, b, 'never', double=True, pad=1)
    actual = _grads(F.convolution_nd, x, W, b, 'auto', double=True, pad=1)
    assert 'conv_backward_filter' in fake_cudnn.calls
    for e, a in zip(expect, actual):
        testing.assert_allclose(e, a, atol=1e-10, rtol=1e-10)


@pytest.mark.parametrize('case', ['1d', 'cover_all', 'never'])
def test_ineligible_convolutions_take_the_kernels(fake_cudnn, case):
    x, W, b = _arrays((2, 3, 5, 4), (4, 3, 3, 2), numpy.float32)
    kwargs, config = {}, 'auto'
    if case == '1d':
        x, W = x[..., 0], W[..., 0]       # cuDNN takes 4-D/5-D tensors
    elif case == 'cover_all':
        kwargs['cover_all'] = True
    elif case == 'never':
        config = 'never'
    with chainer.using_config('use_cudnn', config):
        F.convolution_nd(x, W, b, stride=2, **kwargs)
    assert fake_cudnn.calls == []


@attr.cudnn
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('case', CONV_CASES)
def test_cudnn_matches_cupy_kernels_on_gpu(cudnn_spy, dtype, case):
    x_shape, w_shape, stride, pad, dilate, groups = case
    x, W, b = _arrays(x_shape, w_shape, dtype, xp=cuda.cupy)
    kw = dict(stride=stride, pad=pad, dilate=dilate, groups=groups)
    expect = _grads(F.convolution_nd, x, W, b, 'never', **kw)
    assert cudnn_spy.calls == []
    actual = _grads(F.convolution_nd, x, W, b, 'always', **kw)
    assert sorted(cudnn_spy.calls) == [
        'convolution_backward_data', 'convolution_backward_filter',
        'convolution_forward']
    for e, a in zip(expect, actual):
        testing.assert_allclose(cuda.to_cpu(e), cuda.to_cpu(a),
                                **_tol(dtype))
