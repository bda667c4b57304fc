"""Per-sequence, per-step numpy references for the n_step_* RNN tests."""
import numpy
import pytest


def _sig(x):
    return 1 / (1 + numpy.exp(-x))


def lstm_cell(x, h, c, w, b):
    i = _sig(w[0] @ x + w[4] @ h + b[0] + b[4])
    f = _sig(w[1] @ x + w[5] @ h + b[1] + b[5])
    o = _sig(w[2] @ x + w[6] @ h + b[2] + b[6])
    a = numpy.tanh(w[3] @ x + w[7] @ h + b[3] + b[7])
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


@pytest.fixture
def rnn_ref():
    return {'lstm': lstm_cell, 'gru': gru_cell, 'rnn': rnn_cell,
            'run': reference, 'params': make_params}
