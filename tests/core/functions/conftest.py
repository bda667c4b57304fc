"""Checks shared by the tests of every function family.

Test modules never import each other; each check is a fixture returning a
callable (a family's own conftest.py may override one):

- ``gpu_matches_cpu(f, inputs, rng)``
- ``check_doctests(module_name)``: runs the module's ``>>>`` examples
"""
import doctest
import importlib

import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing


def _check_gpu_matches_cpu(f, inputs, rng):
    ys = f(*inputs)
    ys = ys if isinstance(ys, tuple) else (ys,)
    gpu_inputs = [cuda.to_gpu(x) for x in inputs]
    ys_gpu = f(*gpu_inputs)
    ys_gpu = ys_gpu if isinstance(ys_gpu, tuple) else (ys_gpu,)
    for y, y_gpu in zip(ys, ys_gpu):
        assert isinstance(y_gpu.array, cuda.ndarray)
        testing.assert_allclose(y.array, cuda.to_cpu(y_gpu.array),
                                atol=1e-5, rtol=1e-4)
    gys = [cuda.to_gpu(rng.uniform(-1, 1, y.shape).astype(y.dtype))
           for y in ys]
    gradient_check.check_backward(f, gpu_inputs, gys, dtype=numpy.float64,
                                  atol=1e-3, rtol=1e-3)


@pytest.fixture
def gpu_matches_cpu():
    """``check(f, inputs, rng)``: ``f`` gives its CPU outputs on GPU copies
    of ``inputs`` and passes check_backward there, with output gradients
    drawn from ``rng``."""
    return _check_gpu_matches_cpu


def _check_doctests(name):
    # Runs the ``>>>`` examples of module ``name`` with ``np`` and ``F``.
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in doctest.DocTestFinder().find(module):
        test.globs.update({'np': numpy, 'F': functions})
        runner.run(test)
    assert runner.failures == 0
    assert runner.tries > 0


@pytest.fixture
def check_doctests():
    return _check_doctests


class _FakeLibcudnn(object):
    """The ``cupy.cuda.cudnn`` constants the cuDNN glue reads (cuDNN's
    own values)."""

    CUDNN_BATCHNORM_PER_ACTIVATION = 0
    CUDNN_BATCHNORM_SPATIAL = 1
    CUDNN_BATCHNORM_SPATIAL_PERSISTENT = 2
    CUDNN_BN_MIN_EPSILON = 1e-5
    CUDNN_SOFTMAX_ACCURATE = 1
    CUDNN_SOFTMAX_LOG = 2
    CUDNN_POOLING_MAX = 0
    CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING = 1
    CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING = 2


class _FakeCudnn(object):
    """A numpy stand-in for the ``cupy.cudnn`` functions that batch
    normalization and softmax call, written from cuDNN's documented
    semantics.  It asserts what CuPy requires of its arguments (dtypes,
    contiguity, shapes) and records each call in ``calls``, so that CPU
    tests run the functions' cuDNN glue end to end."""

    def __init__(self):
        self.calls = []

    # batch normalization ------------------------------------------------

    @staticmethod
    def _bn_view(x, gamma, is_for_conv2d, mode):
        lib = _FakeLibcudnn
        assert x.flags.c_contiguous
        if is_for_conv2d:
            assert x.ndim == 4
            assert mode in (lib.CUDNN_BATCHNORM_SPATIAL,
                            lib.CUDNN_BATCHNORM_SPATIAL_PERSISTENT)
            x2, axes, pshape = x, (0, 2, 3), (1, -1, 1, 1)
        else:
            assert mode == lib.CUDNN_BATCHNORM_PER_ACTIVATION
            x2, axes, pshape = x.reshape(-1, x.shape[-1]), (0,), (1, -1)
        assert gamma.ndim == 1 and gamma.size == x2.shape[1]
        return x2.astype(numpy.float64), axes, pshape

    @staticmethod
    def _check_params(x, *params):
        want = numpy.float32 if x.dtype == numpy.float16 else x.dtype
        for p in params:
            assert p.dtype == want and p.flags.c_contiguous
            assert p.shape == params[0].shape

    def batch_normalization_forward_training(
            self, x, gamma, beta, running_mean, running_var, mean, inv_std,
            eps, decay, is_for_conv2d, cudnn_mode, debug):
        self.calls.append('bn_forward_training')
        self._check_params(x, gamma, beta, running_mean, running_var, mean,
                           inv_std)
        assert eps >= _FakeLibcudnn.CUDNN_BN_MIN_EPSILON
        x2, axes, pshape = self._bn_view(x, gamma, is_for_conv2d, cudnn_mode)
        m = x2.size // gamma.size
        mu = x2.mean(axis=axes)
        var = x2.var(axis=axes)
        istd = 1 / numpy.sqrt(var + eps)
        y = ((x2 - mu.reshape(pshape)) * (gamma * istd).reshape(pshape)
             + beta.reshape(pshape))
        # cuDNN's running variance is the unbiased estimate.
        running_mean[...] = decay * running_mean + (1 - decay) * mu
        running_var[...] = (decay * running_var
                            + (1 - decay) * var * m / (m - 1))
        mean[...] = mu
        inv_std[...] = istd
        return y.reshape(x.shape).astype(x.dtype)

    def batch_normalization_backward(self, x, gamma, gy, mean, inv_std, eps,
                                     is_for_conv2d, cudnn_mode, debug):
        self.calls.append('bn_backward')
        self._check_params(x, gamma, mean, inv_std)
        assert gy.dtype == x.dtype and gy.flags.c_contiguous
        x2, axes, pshape = self._bn_view(x, gamma, is_for_conv2d, cudnn_mode)
        g2 = gy.reshape(x2.shape).astype(numpy.float64)
        m = x2.size // gamma.size
        x_hat = (x2 - mean.reshape(pshape)) * inv_std.reshape(pshape)
        gbeta = g2.sum(axis=axes)
        ggamma = (g2 * x_hat).sum(axis=axes)
        gx = (gamma * inv_std).reshape(pshape) * (
            g2 - (gbeta.reshape(pshape) + x_hat * ggamma.reshape(pshape))
            / m)
        return (gx.reshape(x.shape).astype(x.dtype),
                ggamma.astype(gamma.dtype), gbeta.astype(gamma.dtype))

    def batch_normalization_forward_inference(
            self, x, gamma, beta, mean, var, eps, is_for_conv2d, cudnn_mode):
        self.calls.append('bn_forward_inference')
        self._check_params(x, gamma, beta, mean, var)
        x2, axes, pshape = self._bn_view(x, gamma, is_for_conv2d, cudnn_mode)
        scale = gamma / numpy.sqrt(var.astype(numpy.float64) + eps)
        y = (x2 - mean.reshape(pshape)) * scale.reshape(pshape) \
            + beta.reshape(pshape)
        return y.reshape(x.shape).astype(x.dtype)

    # softmax -------------------------------------------------------------

    def softmax_forward(self, x, axis, algorithm):
        self.calls.append(('softmax_forward', algorithm))
        x64 = x.astype(numpy.float64)
        z = x64 - x64.max(axis=axis, keepdims=True)
        lse = numpy.log(numpy.exp(z).sum(axis=axis, keepdims=True))
        if algorithm == _FakeLibcudnn.CUDNN_SOFTMAX_LOG:
            return (z - lse).astype(x.dtype)
        assert algorithm == _FakeLibcudnn.CUDNN_SOFTMAX_ACCURATE
        return numpy.exp(z - lse).astype(x.dtype)

    def softmax_backward(self, y, gy, axis, algorithm):
        self.calls.append(('softmax_backward', algorithm))
        assert gy.dtype == y.dtype
        y64, g64 = y.astype(numpy.float64), gy.astype(numpy.float64)
        if algorithm == _FakeLibcudnn.CUDNN_SOFTMAX_LOG:
            gx = g64 - numpy.exp(y64) * g64.sum(axis=axis, keepdims=True)
        else:
            gx = y64 * (g64 - (y64 * g64).sum(axis=axis, keepdims=True))
        return gx.astype(y.dtype)

    # convolution and pooling (computed by the CPU functions) -----------

    @staticmethod
    def _check_conv_args(arrays, tuples, kwargs, names):
        for a in arrays:
            assert a.flags.c_contiguous
        for t in tuples:
            assert isinstance(t, tuple)
        assert sorted(kwargs) == sorted(names)

    def convolution_forward(self, x, W, b, y, pad, stride, dilation, groups,
                            **kwargs):
        self.calls.append('conv_forward')
        self._check_conv_args((x, W, y), (pad, stride, dilation), kwargs,
                              ('auto_tune', 'tensor_core'))
        with chainer.using_config('use_cudnn', 'never'):
            out = functions.convolution_nd(x, W, b, stride, pad,
                                           dilate=dilation, groups=groups)
        assert out.shape == y.shape and out.dtype == y.dtype
        y[...] = out.array

    def convolution_backward_filter(self, x, gy, gW, pad, stride, dilation,
                                    groups, **kwargs):
        self.calls.append('conv_backward_filter')
        self._check_conv_args((x, gy, gW), (pad, stride, dilation), kwargs,
                              ('deterministic', 'auto_tune', 'tensor_core'))
        W = chainer.Variable(numpy.zeros(gW.shape, gW.dtype))
        # Called from a backward pass, where graphs are off.
        with chainer.using_config('use_cudnn', 'never'), \
                chainer.using_config('enable_backprop', True):
            y = functions.convolution_nd(x, W, None, stride, pad,
                                         dilate=dilation, groups=groups)
            gW[...] = chainer.grad([y], [W], [chainer.Variable(gy)])[0].array

    def convolution_backward_data(self, W, x, b, y, pad, stride, dilation,
                                  groups, **kwargs):
        self.calls.append('conv_backward_data')
        self._check_conv_args((W, x, y), (pad, stride, dilation), kwargs,
                              ('deterministic', 'auto_tune', 'tensor_core'))
        with chainer.using_config('use_cudnn', 'never'):
            out = functions.deconvolution_nd(
                x, W, b, stride, pad, outsize=y.shape[2:], dilate=dilation,
                groups=groups)
        assert out.shape == y.shape and out.dtype == y.dtype
        y[...] = out.array

    @staticmethod
    def _pool(x, ksize, stride, pad, mode):
        lib = _FakeLibcudnn
        with chainer.using_config('use_cudnn', 'never'):
            if mode == lib.CUDNN_POOLING_MAX:
                return functions.max_pooling_nd(x, ksize, stride, pad,
                                                cover_all=False)
            pad_value = {
                lib.CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING: 0,
                lib.CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING: None}[mode]
            return functions.average_pooling_nd(x, ksize, stride, pad,
                                                pad_value=pad_value)

    def pooling_forward(self, x, y, ksize, stride, pad, mode):
        self.calls.append(('pooling_forward', mode))
        assert x.flags.c_contiguous and 2 <= x.ndim - 2 <= 3
        out = self._pool(x, ksize, stride, pad, mode)
        assert out.shape == y.shape and out.dtype == y.dtype
        y[...] = out.array
        return y

    def pooling_backward(self, x, y, gy, ksize, stride, pad, mode):
        self.calls.append(('pooling_backward', mode))
        assert y.shape == gy.shape and gy.dtype == x.dtype
        xv = chainer.Variable(x)
        with chainer.using_config('enable_backprop', True):
            out = self._pool(xv, ksize, stride, pad, mode)
        assert out.shape == y.shape
        if mode == _FakeLibcudnn.CUDNN_POOLING_MAX:
            testing.assert_allclose(out.array, y)
        with chainer.using_config('use_cudnn', 'never'):
            return chainer.grad([out], [xv], [chainer.Variable(gy)])[0].array


@pytest.fixture
def fake_cudnn(monkeypatch):
    """Routes the cuDNN paths to :class:`_FakeCudnn` on numpy arrays, as
    if cuDNN 8 were present; yields the fake (see its ``calls``)."""
    fake = _FakeCudnn()
    monkeypatch.setattr(cuda, 'cudnn_enabled', True)
    monkeypatch.setattr(cuda, '_cudnn_version', 8000)
    monkeypatch.setattr(cuda, 'cudnn', fake)
    monkeypatch.setattr(cuda, 'libcudnn', _FakeLibcudnn)
    monkeypatch.setattr(cuda, '_cudnn_array_types', (numpy.ndarray,))
    return fake


class _CudnnSpy(object):
    """Wraps ``cupy.cudnn`` and records the names of the calls made."""

    def __init__(self, real):
        self._real = real
        self.calls = []

    def __getattr__(self, name):
        attr = getattr(self._real, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            self.calls.append(name)
            return attr(*args, **kwargs)
        return call


@pytest.fixture
def cudnn_spy(monkeypatch):
    """On a GPU: records which ``cupy.cudnn`` functions the code under test
    calls (``spy.calls``), so that a test can tell that cuDNN ran."""
    spy = _CudnnSpy(cuda.cudnn)
    monkeypatch.setattr(cuda, 'cudnn', spy)
    return spy
