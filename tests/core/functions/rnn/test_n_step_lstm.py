import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing


@pytest.mark.parametrize('bi', [False, True])
@pytest.mark.parametrize('sizes', [[3, 3], [3, 2, 2, 1]])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_forward(rnn_ref, bi, sizes, dtype):
    n_dirs = 2 if bi else 1
    hx, cx, ws, bs, xs = rnn_ref['params'](2, n_dirs, 4, 3, 8, sizes,
                                           dtype=dtype)
    f = functions.n_step_bilstm if bi else functions.n_step_lstm
    with chainer.using_config('train', False):
        hy, cy, ys = f(2, 0.5, hx, cx, ws, bs, xs)
    ehy, ecy, eys = rnn_ref['run'](rnn_ref['lstm'], 2, n_dirs, hx, cx, ws,
                                   bs, xs)
    tol = {'atol': 1e-5, 'rtol': 1e-4} if dtype == numpy.float32 else {}
    assert hy.dtype == dtype and hy.shape == hx.shape
    testing.assert_allclose(ehy, hy.array, **tol)
    testing.assert_allclose(ecy, cy.array, **tol)
    assert isinstance(ys, tuple) and len(ys) == len(xs)
    for e, y in zip(eys, ys):
        assert y.shape == (len(e), 3 * n_dirs)
        testing.assert_allclose(e, y.array, **tol)


@pytest.mark.parametrize('bi', [False, True])
def test_backward(rnn_ref, bi):
    n_dirs = 2 if bi else 1
    sizes = [3, 2, 1]
    hx, cx, ws, bs, xs = rnn_ref['params'](2, n_dirs, 4, 3, 8, sizes,
                                           seed=1)
    fn = functions.n_step_bilstm if bi else functions.n_step_lstm
    rnn_ref['check_backward'](fn, 8, [hx, cx], ws, bs, xs, 2,
                              dtype=numpy.float64)


def test_backward_some_outputs_unused(rnn_ref):
    hx, cx, ws, bs, xs = rnn_ref['params'](1, 1, 2, 3, 8, [2, 1])
    xs = [chainer.Variable(x) for x in xs]
    W = chainer.Variable(ws[0][4])
    ws[0][4] = W
    hy, cy, ys = functions.n_step_lstm(1, 0.0, hx, cx, ws, bs, xs)
    loss = functions.sum(ys[0] * ys[0])
    loss.backward()
    assert xs[0].grad is not None and W.grad is not None
    # ys[0] does not depend on xs[1].
    testing.assert_allclose(xs[1].grad, numpy.zeros_like(xs[1].array))


def test_dropout_train_changes_output(rnn_ref):
    hx, cx, ws, bs, xs = rnn_ref['params'](2, 1, 4, 3, 8, [2, 2])
    numpy.random.seed(0)
    _, _, ys_train = functions.n_step_lstm(2, 0.5, hx, cx, ws, bs, xs)
    with chainer.using_config('train', False):
        _, _, ys_test = functions.n_step_lstm(2, 0.5, hx, cx, ws, bs, xs)
    _, _, ys_nodrop = functions.n_step_lstm(2, 0.0, hx, cx, ws, bs, xs)
    testing.assert_allclose(ys_test[1].array, ys_nodrop[1].array)
    assert not numpy.allclose(ys_train[1].array, ys_test[1].array)


def test_bad_inputs(rnn_ref):
    hx, cx, ws, bs, xs = rnn_ref['params'](1, 1, 4, 3, 8, [2, 1])
    with pytest.raises(ValueError, match='decreasing'):
        functions.n_step_lstm(1, 0.0, hx[:, :1], cx[:, :1], ws, bs,
                              xs[::-1])
    with pytest.raises(ValueError, match='hx'):
        functions.n_step_lstm(1, 0.0, hx[:, :1], cx, ws, bs, xs)
    with pytest.raises(ValueError, match=r'ws\[0\]\[0\]'):
        bad = [list(ws[0])]
        bad[0][0] = numpy.zeros((3, 5))
        functions.n_step_lstm(1, 0.0, hx, cx, bad, bs, xs)
    with pytest.raises(ValueError, match='8 arrays'):
        functions.n_step_lstm(1, 0.0, hx, cx, [ws[0][:6]], bs, xs)
    with pytest.raises(ValueError, match='train'):
        functions.n_step_lstm(1, 0.0, hx, cx, ws, bs, xs, train=True)


def test_weight_grads_without_input_grads(rnn_ref):
    # With plain-array inputs the first layer's input gradient is skipped;
    # weight gradients must not change.
    hx, cx, ws, bs, xs = rnn_ref['params'](2, 1, 4, 3, 8, [3, 1])
    grads = []
    for wrap in (False, True):
        W = chainer.Variable(ws[0][1].copy())
        ws_ = [list(lw) for lw in ws]
        ws_[0][1] = W
        xs_ = [chainer.Variable(x) for x in xs] if wrap else xs
        _, _, ys = functions.n_step_lstm(2, 0.0, hx, cx, ws_, bs, xs_)
        functions.sum(ys[0] * ys[0] + ys[1]).backward()
        grads.append(W.grad)
    testing.assert_allclose(grads[0], grads[1])


@testing.attr.gpu
def test_gpu(rnn_ref):
    cuda = chainer.backends.cuda
    hx, cx, ws, bs, xs = rnn_ref['params'](2, 2, 4, 3, 8, [3, 2, 1],
                                           dtype=numpy.float32)
    g = cuda.to_gpu
    hy, cy, ys = functions.n_step_bilstm(
        2, 0.0, g(hx), g(cx), [[g(w) for w in lw] for lw in ws],
        [[g(b) for b in lw] for lw in bs], [g(x) for x in xs])
    ehy, ecy, eys = rnn_ref['run'](rnn_ref['lstm'], 2, 2, hx, cx, ws, bs,
                                   xs)
    testing.assert_allclose(ehy, cuda.to_cpu(hy.array), atol=1e-4)
    for e, y in zip(eys, ys):
        testing.assert_allclose(e, cuda.to_cpu(y.array), atol=1e-4)


def test_mixed_dtypes_rejected(rnn_ref):
    from chainer.utils import type_check
    hx, cx, ws, bs, xs = rnn_ref['params'](1, 1, 4, 3, 8, [2, 1])
    with pytest.raises(type_check.InvalidType):
        functions.n_step_lstm(1, 0.0, hx, cx, ws, bs,
                              [x.astype(numpy.float32) for x in xs])


@pytest.mark.parametrize('bi,sizes', [(False, [2, 2]), (False, [3, 2, 1]),
                                      (True, [3, 1, 1])])
def test_double_backward(rnn_ref, bi, sizes):
    fn = functions.n_step_bilstm if bi else functions.n_step_lstm
    rnn_ref['check_double'](fn, 8, True, bi, sizes)


def test_double_backward_eval_mode(rnn_ref):
    with chainer.using_config('train', False):
        rnn_ref['check_double'](functions.n_step_lstm, 8, True, False,
                                [2, 1])


def test_plain_backward_skips_recomputed_graph(rnn_ref, monkeypatch):
    from chainer.functions.connection import _nstep_rnn

    def fail(*args):
        raise AssertionError('graph path used for plain backprop')
    monkeypatch.setattr(_nstep_rnn.NStepRNN, '_forward_graph', fail)
    hx, cx, ws, bs, xs = rnn_ref['params'](2, 1, 4, 3, 8, [2, 1])
    xs = [chainer.Variable(x) for x in xs]
    hy, cy, ys = functions.n_step_lstm(2, 0.0, hx, cx, ws, bs, xs)
    functions.sum(hy * hy).backward()
    assert xs[1].grad is not None
    gx, = chainer.grad([functions.sum(ys[0])], [xs[0]])
    assert gx.shape == xs[0].shape
    with pytest.raises(AssertionError, match='graph path'):
        chainer.grad([functions.sum(ys[0])], [xs[0]],
                     enable_double_backprop=True)


@pytest.mark.parametrize('bi', [False, True])
def test_training_dropout_matches_v5(rnn_ref, v5_train_run, bi):
    # v5 drops the inputs of the layers above the first only, with its
    # own mask for each direction, drawn from numpy's generator in order.
    n_dirs = 2 if bi else 1
    hx, cx, ws, bs, xs = rnn_ref['params'](3, n_dirs, 4, 3, 8, [3, 2, 2])
    fn = functions.n_step_bilstm if bi else functions.n_step_lstm
    numpy.random.seed(7)
    hy, cy, ys = fn(3, 0.4, hx, cx, ws, bs, xs)
    after = numpy.random.rand()
    ehy, ecy, eys = v5_train_run(rnn_ref['lstm'], 3, n_dirs, 0.4, hx, cx,
                                 ws, bs, xs, 7)
    testing.assert_allclose(ehy, hy.array)
    testing.assert_allclose(ecy, cy.array)
    for e, y in zip(eys, ys):
        testing.assert_allclose(e, y.array)
    # The generator moved on exactly as far as in v5.
    assert after == numpy.random.rand()


def test_first_layer_input_is_not_dropped(rnn_ref):
    hx, cx, ws, bs, xs = rnn_ref['params'](1, 1, 4, 3, 8, [2, 1])
    _, _, ys_train = functions.n_step_lstm(1, 0.9, hx, cx, ws, bs, xs)
    with chainer.using_config('train', False):
        _, _, ys_test = functions.n_step_lstm(1, 0.9, hx, cx, ws, bs, xs)
    for a, b in zip(ys_train, ys_test):
        testing.assert_allclose(a.array, b.array)


def test_zero_ratio_still_draws_like_v5(rnn_ref):
    # v5's F.dropout draws its uniforms even at ratio 0 while training.
    hx, cx, ws, bs, xs = rnn_ref['params'](2, 2, 4, 3, 8, [3, 1])
    numpy.random.seed(3)
    functions.n_step_bilstm(2, 0.0, hx, cx, ws, bs, xs)
    got = numpy.random.rand()
    numpy.random.seed(3)
    numpy.random.rand(2 * 4 * 3 * 2)  # 2 directions, 4 rows, 2 * 3 wide
    assert got == numpy.random.rand()


@pytest.mark.parametrize('bi', [False, True])
def test_backward_with_dropout(rnn_ref, bi):
    # The fused backward must route each direction's gradient through its
    # own mask; flat_fn reseeds, so every call draws the same masks.
    n_dirs = 2 if bi else 1
    hx, cx, ws, bs, xs = rnn_ref['params'](2, n_dirs, 3, 2, 8, [2, 1],
                                           seed=4)
    fn = functions.n_step_bilstm if bi else functions.n_step_lstm
    f = rnn_ref_flat(fn, n_dirs)
    args = tuple([hx, cx] + [w for lw in ws for w in lw] +
                 [b for lb in bs for b in lb] + list(xs))
    rng = numpy.random.RandomState(5)
    gys = tuple(rng.uniform(-1, 1, y.shape) for y in f(*args))
    chainer.gradient_check.check_backward(f, args, gys, atol=1e-4,
                                          rtol=1e-3, dtype=numpy.float64)


def rnn_ref_flat(fn, n_dirs):
    def f(hx, cx, *rest):
        n_w = 2 * n_dirs * 8
        fw, fb, xs = rest[:n_w], rest[n_w:2 * n_w], rest[2 * n_w:]
        ws = [fw[i:i + 8] for i in range(0, n_w, 8)]
        bs = [fb[i:i + 8] for i in range(0, n_w, 8)]
        numpy.random.seed(11)
        hy, cy, ys = fn(2, 0.5, hx, cx, ws, bs, list(xs))
        return (hy, cy) + tuple(ys)
    return f
