"""The cuDNN paths of batch_normalization and fixed_batch_normalization.

On CPU the ``fake_cudnn`` fixture stands in for ``cupy.cudnn``, so the
glue (layout choice, parameter casts, running statistics, the saved
mean and inverse std that backward and double backward reuse) runs here
and is compared with the CuPy/numpy kernels (``use_cudnn='never'``).
The ``cudnn``-marked tests compare real cuDNN with those kernels on GPU.
"""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions as F
from chainer import testing
from chainer.testing import attr


# (x shape, axis): spatial mode, per-activation mode on (N, C) and on
# (N, T, C) reduced over every leading axis.
ELIGIBLE = [((5, 3, 4, 2), None), ((7, 6), None), ((3, 4, 5), (0, 1))]


def _tol(dtype):
    if dtype == numpy.float16:
        return {'atol': 5e-2, 'rtol': 5e-2}
    if dtype == numpy.float32:
        return {'atol': 1e-5, 'rtol': 1e-4}
    return {'atol': 1e-9, 'rtol': 1e-9}


def _inputs(shape, axis, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    c = shape[1] if axis is None and len(shape) == 4 else shape[-1]
    gamma = rng.uniform(0.5, 1.5, c).astype(dtype)
    beta = rng.uniform(-1, 1, c).astype(dtype)
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    return x, gamma, beta, gy


def _run(x, gamma, beta, gy, axis, use_cudnn, running=None, double=False):
    xv, gv, bv = (chainer.Variable(a.copy()) for a in (x, gamma, beta))
    kwargs = {'axis': axis}
    if running is not None:
        kwargs.update(running_mean=running[0], running_var=running[1])
    with chainer.using_config('use_cudnn', use_cudnn):
        y = F.batch_normalization(xv, gv, bv, **kwargs)
        y.grad = gy
        y.backward(enable_double_backprop=double)
    return y.array, xv.grad, gv.grad, bv.grad


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('shape,axis', ELIGIBLE)
def test_forward_backward_match_kernels(fake_cudnn, dtype, shape, axis):
    x, gamma, beta, gy = _inputs(shape, axis, dtype)
    stat = numpy.float32 if dtype == numpy.float16 else dtype
    rm_ref = numpy.linspace(-1, 1, gamma.size).astype(stat)
    rv_ref = numpy.linspace(1, 2, gamma.size).astype(stat)
    rm, rv = rm_ref.copy(), rv_ref.copy()
    expect = _run(x, gamma, beta, gy, axis, 'never', (rm_ref, rv_ref))
    assert fake_cudnn.calls == []
    actual = _run(x, gamma, beta, gy, axis, 'auto', (rm, rv))
    assert fake_cudnn.calls == ['bn_forward_training', 'bn_backward']
    for e, a in zip(expect, actual):
        assert a.dtype == dtype and a.shape == e.shape
        testing.assert_allclose(e, a, **_tol(dtype))
    testing.assert_allclose(rm_ref, rm, **_tol(dtype))
    testing.assert_allclose(rv_ref, rv, **_tol(dtype))


@pytest.mark.parametrize('running_dtype', [numpy.float64, numpy.float16])
def test_running_statistics_of_another_dtype_are_updated(
        fake_cudnn, running_dtype):
    # cuDNN takes float32 statistics for float32 input: others go
    # through a float32 copy and are written back.
    x, gamma, beta, gy = _inputs((6, 3, 2, 2), None, numpy.float32)
    rm = numpy.zeros(3, running_dtype)
    rv = numpy.ones(3, running_dtype)
    _run(x, gamma, beta, gy, None, 'auto', (rm, rv))
    xs = x.astype(numpy.float64)
    mean = xs.mean(axis=(0, 2, 3))
    var = xs.var(axis=(0, 2, 3)) * 24 / 23
    tol = {'atol': 1e-3, 'rtol': 1e-3}
    testing.assert_allclose(0.1 * mean, rm, **tol)
    testing.assert_allclose(0.9 + 0.1 * var, rv, **tol)
    assert rm.dtype == running_dtype


def test_without_running_statistics(fake_cudnn):
    x, gamma, beta, gy = _inputs((4, 3, 2, 2), None, numpy.float32)
    expect = _run(x, gamma, beta, gy, None, 'never')
    actual = _run(x, gamma, beta, gy, None, 'auto')
    assert fake_cudnn.calls == ['bn_forward_training', 'bn_backward']
    for e, a in zip(expect, actual):
        testing.assert_allclose(e, a, atol=1e-5, rtol=1e-4)


def test_double_backward_uses_cudnn_statistics(fake_cudnn):
    x, gamma, beta, gy = _inputs((4, 3, 2, 2), None, numpy.float64)

    def grad_of_grad(use_cudnn):
        xv, gv = chainer.Variable(x), chainer.Variable(gamma)
        with chainer.using_config('use_cudnn', use_cudnn):
            y = F.batch_normalization(xv, gv, beta)
            gx, = chainer.grad([y], [xv], [chainer.Variable(gy)],
                               enable_double_backprop=True)
            ggx, ggamma = chainer.grad([F.sum(gx * gx)], [xv, gv])
        return gx.array, ggx.array, ggamma.array

    expect = grad_of_grad('never')
    actual = grad_of_grad('auto')
    assert 'bn_forward_training' in fake_cudnn.calls
    for e, a in zip(expect, actual):
        testing.assert_allclose(e, a, atol=1e-10, rtol=1e-10)


@pytest.mark.parametrize('case', [
    'use_cudnn_never', 'small_eps', 'gamma_2d', 'middle_axis', 'last_axis'])
def test_ineligible_inputs_take_the_kernels(fake_cudnn, case):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (4, 3, 2, 5)).astype(numpy.float32)
    gamma = numpy.ones(3, numpy.float32)
    kwargs = {}
    config = 'auto'
    if case == 'use_cudnn_never':
        config = 'never'
    elif case == 'small_eps':
        kwargs['eps'] = 1e-6          # below cuDNN's minimum
    elif case == 'gamma_2d':
        gamma = numpy.ones((3, 2), numpy.float32)
    elif case == 'middle_axis':
        gamma = numpy.ones(2, numpy.float32)
        kwargs['axis'] = (0, 1, 3)
    else:
        x = x.reshape(4, 30)
        gamma = numpy.ones(4, numpy.float32)
        kwargs['axis'] = 1            # reduces the last axis, not leading
    with chainer.using_config('use_cudnn', config):
        y = F.batch_normalization(x, gamma, numpy.zeros_like(gamma),
                                  **kwargs)
    assert fake_cudnn.calls == []
    assert y.shape == x.shape


def test_fast_batch_normalization_uses_persistent_mode(fake_cudnn,
                                                       monkeypatch):
    modes = []
    real = fake_cudnn.batch_normalization_forward_training

    def spy(*args):
        modes.append(args[10])
        return real(*args)

    monkeypatch.setattr(fake_cudnn, 'batch_normalization_forward_training',
                        spy)
    x, gamma, beta, _ = _inputs((4, 3, 2, 2), None, numpy.float32)
    with chainer.using_config('cudnn_fast_batch_normalization', True):
        F.batch_normalization(x, gamma, beta)
    F.batch_normalization(x, gamma, beta)
    assert modes == [cuda.libcudnn.CUDNN_BATCHNORM_SPATIAL_PERSISTENT,
                     cuda.libcudnn.CUDNN_BATCHNORM_SPATIAL]


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('shape,axis', ELIGIBLE)
def test_fixed_batch_normalization(fake_cudnn, dtype, shape, axis):
    x, gamma, beta, gy = _inputs(shape, axis, dtype)
    rng = numpy.random.RandomState(2)
    mean = rng.uniform(-1, 1, gamma.shape).astype(dtype)
    var = rng.uniform(0.5, 2, gamma.shape).astype(dtype)
    with chainer.using_config('use_cudnn', 'never'):
        expect = F.fixed_batch_normalization(x, gamma, beta, mean, var,
                                             axis=axis).array
    assert fake_cudnn.calls == []
    xv = chainer.Variable(x)
    y = F.fixed_batch_normalization(xv, gamma, beta, mean, var, axis=axis)
    assert fake_cudnn.calls == ['bn_forward_inference']
    assert y.dtype == dtype
    testing.assert_allclose(expect, y.array, **_tol(dtype))
    # Backward is built from functions on either path.
    y.grad = gy
    y.backward()
    g = gamma.astype(numpy.float64) / numpy.sqrt(
        var.astype(numpy.float64) + 2e-5)
    pshape = (1, -1, 1, 1) if len(shape) == 4 else (1,) * (len(shape) - 1) \
        + (-1,)
    testing.assert_allclose(gy * g.reshape(pshape), xv.grad, **_tol(dtype))


def test_cudnn_is_not_used_for_numpy_arrays_without_the_fake():
    assert not cuda._cudnn_usable(numpy.zeros((2, 3), numpy.float32))


@attr.cudnn
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('shape,axis', ELIGIBLE)
def test_cudnn_matches_cupy_kernels_on_gpu(cudnn_spy, dtype, shape, axis):
    x, gamma, beta, gy = [cuda.to_gpu(a)
                          for a in _inputs(shape, axis, dtype)]
    stat = numpy.float32 if dtype == numpy.float16 else dtype
    running = [cuda.cupy.zeros(gamma.shape, stat),
               cuda.cupy.ones(gamma.shape, stat)]
    running_ref = [r.copy() for r in running]
    expect = _run(x, gamma, beta, gy, axis, 'never', running_ref)
    assert cudnn_spy.calls == []
    actual = _run(x, gamma, beta, gy, axis, 'always', running)
    assert 'batch_normalization_backward' in cudnn_spy.calls
    for e, a in zip(expect + tuple(running_ref), actual + tuple(running)):
        testing.assert_allclose(cuda.to_cpu(e), cuda.to_cpu(a),
                                **_tol(dtype))
    with chainer.using_config('use_cudnn', 'always'):
        y = F.fixed_batch_normalization(x, gamma, beta, *running_ref,
                                        axis=axis)
    with chainer.using_config('use_cudnn', 'never'):
        y_ref = F.fixed_batch_normalization(x, gamma, beta, *running_ref,
                                            axis=axis)
    testing.assert_allclose(y_ref.array, y.array, **_tol(dtype))
