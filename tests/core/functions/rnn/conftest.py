"""Per-sequence, per-step numpy references for the n_step_* RNN tests,
and a double-backward check shared by them."""
import numpy
import pytest

import chainer
from chainer import gradient_check


def _sig(x):
    return 1 / (1 + numpy.exp(-x))


def lstm_cell(x, h, c, w, b):
    i = _sig(w[0] @ x + w[4] @ h + b[0] + b[4])
    f = _sig(w[1] @ x + w[5] @ h + b[1] + b[5])
    # v5 wires W2 to the cell input and W3 to the output gate (cuDNN's
    # order), although its docstring lists them the other way round.
    a = numpy.tanh(w[2] @ x + w[6] @ h + b[2] + b[6])
    o = _sig(w[3] @ x + w[7] @ h + b[3] + b[7])
    c = f * c + i * a
    return o * numpy.tanh(c), c


def gru_cell(x, h, c, w, b):
    r = _sig(w[0] @ x + w[3] @ h + b[0] + b[3])
    z = _sig(w[1] @ x + w[4] @ h + b[1] + b[4])
    hh = numpy.tanh(w[2] @ x + b[2] + r * (w[5] @ h + b[5]))
    return (1 - z) * hh + z * h, None


def rnn_cell(activation):
    def cell(x, h, c, w, b):
        pre = w[0] @ x + w[1] @ h + b[0] + b[1]
        if activation == 'relu':
            return numpy.maximum(pre, 0), None
        return numpy.tanh(pre), None
    return cell


def reference(cell, n_layers, n_dirs, hx, cx, ws, bs, xs):
    """Runs every sequence on its own; returns (hy, cy, ys)."""
    batch = len(xs[0])
    lengths = [sum(len(x) > b for x in xs) for b in range(batch)]
    seqs = [[xs[t][b] for t in range(lengths[b])] for b in range(batch)]
    hy = numpy.zeros_like(hx)
    cy = None if cx is None else numpy.zeros_like(cx)
    for layer in range(n_layers):
        outs = [[[] for _ in range(n_dirs)] for _ in range(batch)]
        for d in range(n_dirs):
            k = layer * n_dirs + d
            for b in range(batch):
                h = hx[k, b]
                c = None if cx is None else cx[k, b]
                order = range(lengths[b])
                if d == 1:
                    order = reversed(order)
                res = {}
                for t in order:
                    h, c = cell(seqs[b][t], h, c, ws[k], bs[k])
                    res[t] = h
                outs[b][d] = [res[t] for t in range(lengths[b])]
                hy[k, b] = h
                if cy is not None:
                    cy[k, b] = c
        seqs = [[numpy.concatenate([outs[b][d][t] for d in range(n_dirs)])
                 for t in range(lengths[b])] for b in range(batch)]
    ys = [numpy.stack([seqs[b][t] for b in range(len(x))])
          for t, x in enumerate(xs)]
    return hy, cy, ys


def make_params(n_layers, n_dirs, n_in, n_units, n_ws, sizes, seed=0,
                dtype=numpy.float64):
    rng = numpy.random.RandomState(seed)
    n_g = n_ws // 2
    ws, bs = [], []
    for k in range(n_layers * n_dirs):
        in_size = n_in if k < n_dirs else n_units * n_dirs
        ws.append([rng.uniform(-1, 1, (n_units, in_size if j < n_g
                                       else n_units)).astype(dtype)
                   for j in range(n_ws)])
        bs.append([rng.uniform(-1, 1, n_units).astype(dtype)
                   for _ in range(n_ws)])
    xs = [rng.uniform(-1, 1, (s, n_in)).astype(dtype) for s in sizes]
    hx = rng.uniform(-1, 1, (n_layers * n_dirs, sizes[0], n_units)).astype(
        dtype)
    cx = rng.uniform(-1, 1, hx.shape).astype(dtype)
    return hx, cx, ws, bs, xs


def flat_fn(fn, n_layers, ratio, n_ws, n_st, n_xs, seed, **kwargs):
    """``fn`` as a function of flat arrays ``(hx, [cx], *ws, *bs, *xs)``
    returning ``(hy, [cy], *ys)``.  numpy's generator is reseeded on every
    call, so dropout draws the same masks each time."""
    def f(*args):
        numpy.random.seed(seed)
        n_w = (len(args) - n_st - n_xs) // 2
        fw, fb = args[n_st:n_st + n_w], args[n_st + n_w:n_st + 2 * n_w]
        ws = [fw[i:i + n_ws] for i in range(0, n_w, n_ws)]
        bs = [fb[i:i + n_ws] for i in range(0, n_w, n_ws)]
        out = fn(n_layers, ratio, *args[:n_st], ws, bs,
                 list(args[n_st + 2 * n_w:]), **kwargs)
        return tuple(out[:-1]) + tuple(out[-1])
    return f


def flat_args(states, ws, bs, xs):
    """The inputs of a :func:`flat_fn` function: states, weights, biases
    and sequences in one tuple."""
    return tuple(list(states) + [w for lw in ws for w in lw] +
                 [b for lw in bs for b in lw] + list(xs))


def check_backward(fn, n_ws, states, ws, bs, xs, seed, kwargs=None,
                   **check_kwargs):
    """check_backward (atol=1e-4, rtol=1e-3) of a 2-layer ``fn`` without
    dropout, as a function of flat arrays; output gradients are drawn
    from RandomState(seed). ``kwargs`` go to ``fn``."""
    f = flat_fn(fn, 2, 0.0, n_ws, len(states), len(xs), 0, **(kwargs or {}))
    args = flat_args(states, ws, bs, xs)
    rng = numpy.random.RandomState(seed)
    gys = tuple(rng.uniform(-1, 1, o.shape) for o in f(*args))
    gradient_check.check_backward(f, args, gys, atol=1e-4, rtol=1e-3,
                                  **check_kwargs)


def check_double(fn, n_ws, has_c, bi, sizes, ratio=0.3, **kwargs):
    """Double backward of a 2-layer RNN (dropout masks fixed) in float64,
    and agreement of the first-order gradients of the fast array path and
    of the recomputed graph used for double backprop."""
    n_dirs = 2 if bi else 1
    hx, cx, ws, bs, xs = make_params(2, n_dirs, 3, 2, n_ws, sizes, seed=1)
    args = flat_args([hx] + ([cx] if has_c else []), ws, bs, xs)
    f = flat_fn(fn, 2, ratio, n_ws, 2 if has_c else 1, len(xs), 5, **kwargs)
    rng = numpy.random.RandomState(2)
    gys = tuple(rng.uniform(-1, 1, y.shape) for y in f(*args))
    grads = []
    for double in (False, True):
        vs = [chainer.Variable(a) for a in args]
        grads.append(chainer.grad(list(f(*vs)), vs, list(gys),
                                  enable_double_backprop=double))
    for fast, graph in zip(*grads):
        numpy.testing.assert_allclose(fast.array, graph.array, atol=1e-12)
    ggs = tuple(rng.uniform(-1, 1, a.shape) for a in args)
    gradient_check.check_double_backward(f, args, gys, ggs, atol=1e-4,
                                         rtol=1e-3)


@pytest.fixture
def rnn_ref():
    return {'lstm': lstm_cell, 'gru': gru_cell, 'rnn': rnn_cell,
            'run': reference, 'params': make_params,
            'check_backward': check_backward, 'check_double': check_double}


class _FakeRNNDescriptor(object):

    def __init__(self, value):
        self.value = value


class _FakeDropoutStates(object):

    def __init__(self):
        self._desc = _FakeRNNDescriptor('dropout')
        self.ratios = []

    def set_dropout_ratio(self, ratio):
        self.ratios.append(ratio)


class _FakeRNNLib(object):
    """cuDNN's RNN constants, and ``getRNNParamsSize`` of the fake
    layout."""

    CUDNN_RNN_RELU = 0
    CUDNN_RNN_TANH = 1
    CUDNN_LSTM = 2
    CUDNN_GRU = 3
    CUDNN_UNIDIRECTIONAL = 0
    CUDNN_BIDIRECTIONAL = 1
    CUDNN_LINEAR_INPUT = 0

    def __init__(self, base):
        self._base = base
        self.params_size_calls = 0

    def __getattr__(self, name):
        return getattr(self._base, name)

    def getRNNParamsSize(self, handle, rnn_desc, x_desc, data_type):
        self.params_size_calls += 1
        return _fake_layout(rnn_desc, x_desc[1])[0] * \
            numpy.dtype(data_type).itemsize


_N_WS = {0: 2, 1: 2, 2: 8, 3: 6}
_FUNCS = {0: 'rnn', 1: 'rnn', 2: 'lstm', 3: 'gru'}


def _fake_layout(desc, n_in):
    """(size, {('w' or 'b', pseudo-layer, id): (start, shape)}): biases
    first, then matrices, each group backwards, with gaps, so that glue
    assuming any order of its own fails."""
    n, n_layers, n_dirs, mode = (desc['units'], desc['layers'],
                                 desc['dirs'], desc['mode'])
    n_ws = _N_WS[mode]
    entries = []
    for k in range(n_layers * n_dirs):
        in_size = n_in if k < n_dirs else n * n_dirs
        for j in range(n_ws):
            entries.append((('b', k, j), (n,)))
            entries.append((('w', k, j), (n, in_size if j < n_ws // 2
                                          else n)))
    entries.sort(key=lambda e: (e[0][0] == 'w', -e[0][1], -e[0][2]))
    where, start = {}, 0
    for key, shape in entries:
        where[key] = (start, shape)
        start += int(numpy.prod(shape)) + 3
    return start, where


class _FakeRNNRun(object):
    """What rnn_forward_training hands to the backward calls."""

    def __init__(self, outs, inputs):
        self.outs, self.inputs = outs, inputs
        self.weight_grads = None


class _FakeCudnnRNN(object):
    """The ``cupy.cudnn`` RNN calls, computed by the CPU n_step functions
    (``use_cudnn='never'``) on weights unpacked from the fake layout."""

    def __init__(self, fake, lib):
        self._fake = fake
        self._lib = lib

    def get_handle(self):
        return 0

    def get_data_type(self, dtype):
        return numpy.dtype(dtype).char

    def create_rnn_descriptor(self, n_units, n_layers, dropout_desc,
                              input_mode, direction, mode, data_type):
        assert dropout_desc.value == 'dropout'
        assert input_mode == self._lib.CUDNN_LINEAR_INPUT
        return _FakeRNNDescriptor(
            {'units': n_units, 'layers': n_layers, 'mode': mode,
             'dirs': 2 if direction == self._lib.CUDNN_BIDIRECTIONAL else 1,
             'dtype': data_type})

    def create_tensor_nd_descriptor(self, arr):
        assert arr.ndim == 3 and arr.flags.c_contiguous
        return _FakeRNNDescriptor(arr.shape)

    def create_filter_descriptor(self, w):
        assert w.ndim == 3
        return _FakeRNNDescriptor(w.shape)

    def _part(self, kind, rnn_desc, k, x_desc, w, j):
        start, shape = _fake_layout(rnn_desc.value, x_desc.value[1])[1][
            (kind, k, j)]
        return w[start:start + int(numpy.prod(shape))]

    def get_rnn_lin_layer_matrix_params(self, handle, rnn_desc, k, x_desc,
                                        w_desc, w, j):
        return self._part('w', rnn_desc, k, x_desc, w, j)

    def get_rnn_lin_layer_bias_params(self, handle, rnn_desc, k, x_desc,
                                      w_desc, w, j):
        return self._part('b', rnn_desc, k, x_desc, w, j)

    def _unpack(self, direction, mode, hx, w, n_in):
        n_dirs = 2 if direction == self._lib.CUDNN_BIDIRECTIONAL else 1
        desc = {'units': hx.shape[2], 'layers': hx.shape[0] // n_dirs,
                'dirs': n_dirs, 'mode': mode}
        where = _fake_layout(desc, n_in)[1]
        flat = w.ravel()
        ws, bs = [], []
        for k in range(hx.shape[0]):
            for out, kind in ((ws, 'w'), (bs, 'b')):
                out.append([])
                for j in range(_N_WS[mode]):
                    start, shape = where[(kind, k, j)]
                    size = int(numpy.prod(shape))
                    out[-1].append(flat[start:start + size].reshape(shape))
        return desc, where, ws, bs

    def _run(self, states, direction, mode, hx, cx, w, x, lengths):
        # Dropout itself is left out: tests of values run without it.
        ratio = states.ratios[-1]
        assert x.flags.c_contiguous and w.flags.c_contiguous
        assert hx.shape[1] == lengths[0] and x.shape[0] == sum(lengths)
        assert (cx is not None) == (mode == self._lib.CUDNN_LSTM)
        desc, _, ws, bs = self._unpack(direction, mode, hx, w, x.shape[1])
        xs = numpy.split(x, numpy.cumsum(lengths)[:-1])
        vs = [chainer.Variable(a.copy()) for a in
              [hx] + ([cx] if cx is not None else []) + xs
              + [a for lw in ws for a in lw] + [a for lb in bs for a in lb]]
        it = iter(vs)
        v_hx = next(it)
        v_cx = next(it) if cx is not None else None
        v_xs = [next(it) for _ in xs]
        n_ws = _N_WS[mode]
        v_ws = [[next(it) for _ in range(n_ws)] for _ in ws]
        v_bs = [[next(it) for _ in range(n_ws)] for _ in bs]
        name = _FUNCS[mode]
        fn = getattr(chainer.functions, 'n_step_' + (
            'bi' + name if desc['dirs'] == 2 else name))
        kwargs = {}
        if name == 'rnn':
            kwargs['activation'] = ('relu' if mode == self._lib.CUDNN_RNN_RELU
                                    else 'tanh')
        with chainer.using_config('use_cudnn', 'never'):
            if v_cx is not None:
                hy, cy, ys = fn(desc['layers'], 0.0, v_hx, v_cx, v_ws, v_bs,
                                v_xs, **kwargs)
            else:
                hy, ys = fn(desc['layers'], 0.0, v_hx, v_ws, v_bs, v_xs,
                            **kwargs)
                cy = None
        outs = [hy] + ([cy] if cy is not None else []) + list(ys)
        y = numpy.concatenate([v.array for v in ys])
        run = _FakeRNNRun(outs, vs)
        run.ratio = ratio
        return run, hy.array, \
            None if cy is None else cy.array, y

    def rnn_forward_training(self, *args):
        self._fake.calls.append('rnn_forward_training')
        return self._run(*args)

    def rnn_forward_inference(self, *args):
        self._fake.calls.append('rnn_forward_inference')
        return self._run(*args)[1:]

    def rnn_backward_data(self, states, direction, mode, hx, cx, w, x, y,
                          reserve, dhy, dcy, dy, lengths):
        self._fake.calls.append('rnn_backward_data')
        assert states.ratios[-1] == reserve.ratio
        assert dhy.shape == hx.shape and dy.shape == y.shape
        gys = [dhy] + ([dcy] if cx is not None else []) + numpy.split(
            dy, numpy.cumsum(lengths)[:-1])
        grads = chainer.grad(reserve.outs, reserve.inputs,
                             [chainer.Variable(g) for g in gys])
        grads = [g.array for g in grads]
        n_st = 2 if cx is not None else 1
        n_x = len(lengths)
        reserve.weight_grads = grads[n_st + n_x:]
        dx = numpy.concatenate(grads[n_st:n_st + n_x])
        return grads[0], grads[1] if cx is not None else None, dx

    def rnn_backward_weights(self, states, direction, mode, x, hx, y, w,
                             reserve, lengths):
        self._fake.calls.append('rnn_backward_weights')
        assert reserve.weight_grads is not None, 'backward_data comes first'
        _, where, ws, _ = self._unpack(direction, mode, hx, w, x.shape[1])
        dw = numpy.full(w.shape, numpy.nan, w.dtype)
        flat = dw.ravel()
        grads = iter(reserve.weight_grads)
        for kind in ('w', 'b'):
            for k in range(len(ws)):
                for j in range(_N_WS[mode]):
                    start, shape = where[(kind, k, j)]
                    g = next(grads)
                    flat[start:start + g.size] = g.ravel()
        return dw


@pytest.fixture
def fake_cudnn_rnn(fake_cudnn, monkeypatch):
    """``fake_cudnn`` with the RNN calls; yields ``(fake, lib, states)``."""
    from chainer.backends import cuda
    from chainer.functions.connection import _nstep_cudnn
    lib = _FakeRNNLib(cuda.libcudnn)
    rnn = _FakeCudnnRNN(fake_cudnn, lib)
    for name in dir(rnn):
        if not name.startswith('_'):
            monkeypatch.setattr(fake_cudnn, name, getattr(rnn, name),
                                raising=False)
    monkeypatch.setattr(cuda, 'libcudnn', lib)
    states = _FakeDropoutStates()
    monkeypatch.setattr(cuda, 'get_cudnn_dropout_states', lambda: states)
    monkeypatch.setattr(_nstep_cudnn, '_layouts', {})
    return fake_cudnn, lib, states


def train_reference(cell, n_layers, n_dirs, ratio, hx, cx, ws, bs, xs,
                    seed):
    """v5's n_step_* in training mode, step by step on time-major ``xs``.

    After ``numpy.random.seed(seed)`` every layer but the first applies
    F.dropout to each step's input as the step is taken, a fresh call for
    each direction (forward first; the backward direction takes the steps
    last to first): masks ``rand(B_t, I) >= ratio`` scaled by
    ``1 / (1 - ratio)``.  Returns ``(hy, cy, ys)``.
    """
    numpy.random.seed(seed)
    hy = numpy.zeros_like(hx)
    cy = None if cx is None else numpy.zeros_like(cx)
    layer_in = [numpy.array(x) for x in xs]
    n_steps = len(xs)
    for layer in range(n_layers):
        outs = []
        for d in range(n_dirs):
            k = layer * n_dirs + d
            seq = list(layer_in)
            h = hx[k].copy()
            c = None if cx is None else cx[k].copy()
            out = [None] * n_steps
            steps = range(n_steps) if d == 0 else reversed(range(n_steps))
            for t in steps:
                if layer > 0:
                    x = seq[t]
                    seq[t] = x * ((numpy.random.rand(*x.shape) >= ratio) /
                                  (1 - ratio))
                for row in range(len(seq[t])):
                    h[row], c_row = cell(seq[t][row], h[row],
                                         None if c is None else c[row],
                                         ws[k], bs[k])
                    if c is not None:
                        c[row] = c_row
                out[t] = h[:len(seq[t])].copy()
            hy[k] = h
            if cy is not None:
                cy[k] = c
            outs.append(out)
        layer_in = [numpy.concatenate([o[t] for o in outs], axis=1)
                    for t in range(n_steps)]
    return hy, cy, layer_in


@pytest.fixture
def v5_train_run():
    return train_reference
