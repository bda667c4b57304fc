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
