"""The cuDNN paths of softmax and log_softmax (see the ``fake_cudnn``
fixture for how they run on CPU); ``cudnn``-marked tests compare real
cuDNN with the CuPy kernels."""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions as F
from chainer import testing
from chainer.testing import attr


CASES = [((3, 5), 1), ((2, 4, 3), 1), ((2, 3, 4), -1), ((4, 2, 3, 2), 0),
         ((5,), 0)]


def _tol(dtype):
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2}
    return {'atol': 1e-6, 'rtol': 1e-5}


def _run(fn, x, gy, axis, use_cudnn, double=False):
    xv = chainer.Variable(x.copy())
    with chainer.using_config('use_cudnn', use_cudnn):
        y = fn(xv, axis=axis)
        gx, = chainer.grad([y], [xv], [chainer.Variable(gy)],
                           enable_double_backprop=double)
        out = [y.array, gx.array]
        if double:
            ggx, = chainer.grad([F.sum(gx * gx)], [xv])
            out.append(ggx.array)
    return out


@pytest.mark.parametrize('fn,log', [(F.softmax, False),
                                    (F.log_softmax, True)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('shape,axis', CASES)
def test_matches_kernels(fake_cudnn, fn, log, dtype, shape, axis):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-3, 3, shape).astype(dtype)
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    expect = _run(fn, x, gy, axis, 'never')
    assert fake_cudnn.calls == []
    actual = _run(fn, x, gy, axis, 'auto')
    algo = (cuda.libcudnn.CUDNN_SOFTMAX_LOG if log
            else cuda.libcudnn.CUDNN_SOFTMAX_ACCURATE)
    assert fake_cudnn.calls == [('softmax_forward', algo),
                                ('softmax_backward', algo)]
    for e, a in zip(expect, actual):
        assert a.dtype == dtype
        testing.assert_allclose(e, a, **_tol(dtype))


@pytest.mark.parametrize('fn', [F.softmax, F.log_softmax])
def test_double_backward_matches_kernels(fake_cudnn, fn):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-2, 2, (3, 4))
    gy = rng.uniform(-1, 1, (3, 4))
    expect = _run(fn, x, gy, 1, 'never', double=True)
    actual = _run(fn, x, gy, 1, 'auto', double=True)
    assert fake_cudnn.calls
    for e, a in zip(expect, actual):
        testing.assert_allclose(e, a, atol=1e-12, rtol=1e-10)


@attr.cudnn
@pytest.mark.parametrize('fn', [F.softmax, F.log_softmax])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('shape,axis', CASES)
def test_cudnn_matches_cupy_kernels_on_gpu(cudnn_spy, fn, dtype, shape,
                                           axis):
    rng = numpy.random.RandomState(0)
    x = cuda.to_gpu(rng.uniform(-3, 3, shape).astype(dtype))
    gy = cuda.to_gpu(rng.uniform(-1, 1, shape).astype(dtype))
    expect = _run(fn, x, gy, axis, 'never')
    assert cudnn_spy.calls == []
    actual = _run(fn, x, gy, axis, 'always')
    assert cudnn_spy.calls == ['softmax_forward', 'softmax_backward']
    for e, a in zip(expect, actual):
        testing.assert_allclose(cuda.to_cpu(e), cuda.to_cpu(a),
                                **_tol(dtype))


def test_empty_input_takes_the_kernels(fake_cudnn):
    # cuDNN's descriptors reject zero-sized dimensions.
    y = F.softmax(numpy.zeros((0, 3), numpy.float32))
    assert y.shape == (0, 3) and fake_cudnn.calls == []
