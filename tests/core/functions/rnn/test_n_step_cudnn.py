"""The cuDNN path of the n_step RNNs.

On CPU, ``fake_cudnn_rnn`` stands in for cupy.cudnn's RNN calls with a
weight layout of its own (scrambled, with gaps) and computes with the
CPU functions, so these tests check the glue: packing ws/bs into cuDNN's
buffer and unpacking the weight gradient, the packed sequences, missing
output gradients, the dropout ratio and the order of the calls.  The
``cudnn``-marked test compares real cuDNN with the CuPy kernels.
"""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions as F
from chainer import testing
from chainer.testing import attr


# name -> (function name, matrices per layer, has cell state, kwargs)
KINDS = {
    'lstm': ('lstm', 8, True, {}),
    'gru': ('gru', 6, False, {}),
    'rnn_tanh': ('rnn', 2, False, {'activation': 'tanh'}),
    'rnn_relu': ('rnn', 2, False, {'activation': 'relu'}),
}


def _params(kind, bi, dtype, sizes=(3, 3, 2, 1), n_layers=2, n_in=4,
            n_units=3, seed=0, xp=numpy):
    name, n_ws, has_c, kwargs = KINDS[kind]
    rng = numpy.random.RandomState(seed)
    n_dirs = 2 if bi else 1

    def u(*shape):
        return xp.asarray(rng.uniform(-1, 1, shape).astype(dtype))

    ws, bs = [], []
    for k in range(n_layers * n_dirs):
        in_size = n_in if k < n_dirs else n_units * n_dirs
        ws.append([u(n_units, in_size if j < n_ws // 2 else n_units)
                   for j in range(n_ws)])
        bs.append([u(n_units) for _ in range(n_ws)])
    states = [u(n_layers * n_dirs, sizes[0], n_units)]
    if has_c:
        states.append(u(n_layers * n_dirs, sizes[0], n_units))
    xs = [u(b, n_in) for b in sizes]
    fn = getattr(F, 'n_step_' + ('bi' if bi else '') + name)
    return fn, n_layers, states, ws, bs, xs, kwargs


def _run(fn, n_layers, states, ws, bs, xs, kwargs, use_cudnn, ratio=0.0,
         used=None, double=False):
    """Outputs and the gradients of every input, with output gradients
    drawn from a fixed RandomState (``used`` picks which outputs get
    one)."""
    vs = [chainer.Variable(a) for a in states]
    vws = [[chainer.Variable(a) for a in lw] for lw in ws]
    vbs = [[chainer.Variable(a) for a in lb] for lb in bs]
    vxs = [chainer.Variable(a) for a in xs]
    with chainer.using_config('use_cudnn', use_cudnn):
        out = fn(n_layers, ratio, *vs, vws, vbs, vxs, **kwargs)
        outs = list(out[:-1]) + list(out[-1])
        rng = numpy.random.RandomState(3)
        xp = cuda.get_array_module(xs[0])
        pairs = [(y, xp.asarray(rng.uniform(-1, 1, y.shape).astype(y.dtype)))
                 for i, y in enumerate(outs) if used is None or i in used]
        inputs = vs + [v for lw in vws for v in lw] + \
            [v for lb in vbs for v in lb] + vxs
        grads = chainer.grad([y for y, _ in pairs], inputs,
                             [g for _, g in pairs],
                             enable_double_backprop=double)
    return [y.array for y in outs] + [g.array for g in grads]


def _tol(dtype):
    if dtype == numpy.float32:
        return {'atol': 1e-5, 'rtol': 1e-4}
    return {'atol': 1e-12, 'rtol': 1e-10}


@pytest.mark.parametrize('kind', sorted(KINDS))
@pytest.mark.parametrize('bi', [False, True])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_matches_cpu_path(fake_cudnn_rnn, kind, bi, dtype):
    fake, _, states = fake_cudnn_rnn
    args = _params(kind, bi, dtype)
    expect = _run(*args, use_cudnn='never')
    assert fake.calls == []
    actual = _run(*args, use_cudnn='auto')
    assert fake.calls == ['rnn_forward_training', 'rnn_backward_data',
                          'rnn_backward_weights']
    assert states.ratios == [0.0, 0.0]
    assert len(expect) == len(actual)
    for e, a in zip(expect, actual):
        assert a.dtype == dtype and a.shape == e.shape
        testing.assert_allclose(e, a, **_tol(dtype))


def test_missing_output_gradients(fake_cudnn_rnn):
    fake = fake_cudnn_rnn[0]
    args = _params('lstm', True, numpy.float64)
    # Only cy and ys[1]: hy and the other ys get zero gradients.
    expect = _run(*args, use_cudnn='never', used=(1, 3))
    actual = _run(*args, use_cudnn='auto', used=(1, 3))
    assert 'rnn_backward_weights' in fake.calls
    for e, a in zip(expect, actual):
        testing.assert_allclose(e, a, **_tol(numpy.float64))


def test_inference_without_backprop(fake_cudnn_rnn):
    fake = fake_cudnn_rnn[0]
    fn, n_layers, states, ws, bs, xs, kwargs = _params('gru', False,
                                                       numpy.float32)
    with chainer.no_backprop_mode():
        hy, ys = fn(n_layers, 0.5, *states, ws, bs, xs)
    assert fake.calls == ['rnn_forward_inference']
    with chainer.using_config('use_cudnn', 'never'), \
            chainer.using_config('train', False):
        hy_ref, ys_ref = fn(n_layers, 0.5, *states, ws, bs, xs)
    testing.assert_allclose(hy_ref.array, hy.array, atol=1e-6)
    for r, y in zip(ys_ref, ys):
        testing.assert_allclose(r.array, y.array, atol=1e-6)


@pytest.mark.parametrize('train', [True, False])
def test_dropout_ratio_reaches_cudnn(fake_cudnn_rnn, train):
    fake, _, states = fake_cudnn_rnn
    args = _params('lstm', False, numpy.float32)
    with chainer.using_config('train', train):
        _run(*args, use_cudnn='auto', ratio=0.25)
    ratio = 0.25 if train else 0.0
    # Set for forward, and again for backward.
    assert states.ratios == [ratio, ratio]


def test_double_backprop(fake_cudnn_rnn):
    args = _params('lstm', True, numpy.float64, sizes=(2, 1))
    expect = _run(*args, use_cudnn='never', double=True)
    actual = _run(*args, use_cudnn='auto', double=True)
    for e, a in zip(expect, actual):
        testing.assert_allclose(e, a, **_tol(numpy.float64))


def test_double_backprop_with_dropout_is_refused(fake_cudnn_rnn):
    args = _params('rnn_tanh', False, numpy.float64, sizes=(2, 1))
    with pytest.raises(RuntimeError, match="use_cudnn', 'never'"):
        _run(*args, use_cudnn='auto', ratio=0.5, double=True)


def test_layout_is_found_once_per_shape(fake_cudnn_rnn):
    _, lib, _ = fake_cudnn_rnn
    args = _params('gru', True, numpy.float32)
    _run(*args, use_cudnn='auto')
    _run(*args, use_cudnn='auto')
    assert lib.params_size_calls == 1
    _run(*_params('gru', True, numpy.float32, n_units=2), use_cudnn='auto')
    assert lib.params_size_calls == 2


def test_never_uses_kernels_not_cudnn(fake_cudnn_rnn):
    fake = fake_cudnn_rnn[0]
    _run(*_params('rnn_relu', True, numpy.float32), use_cudnn='never')
    assert fake.calls == []


@attr.cudnn
@pytest.mark.parametrize('kind', sorted(KINDS))
@pytest.mark.parametrize('bi', [False, True])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_cudnn_matches_cupy_kernels_on_gpu(cudnn_spy, kind, bi, dtype):
    args = _params(kind, bi, dtype, xp=cuda.cupy)
    expect = _run(*args, use_cudnn='never')
    assert cudnn_spy.calls == []
    actual = _run(*args, use_cudnn='always')
    assert 'rnn_backward_weights' in cudnn_spy.calls
    # Real cuDNN sums in its own order.
    tol = {'atol': 1e-4, 'rtol': 1e-3} if dtype == numpy.float32 else {
        'atol': 1e-9, 'rtol': 1e-7}
    for e, a in zip(expect, actual):
        testing.assert_allclose(cuda.to_cpu(e), cuda.to_cpu(a), **tol)
