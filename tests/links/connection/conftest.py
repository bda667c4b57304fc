"""A per-sequence numpy reference of the stacked RNNs of the NStep links,
and a helper giving them nonzero biases."""
import numpy
import pytest


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _cell(kind, w, b, x, h, c):
    # w[j] and b[j] are the arrays of w{j} and b{j} of one layer/direction.
    def lin(j, v):
        return w[j] @ v + b[j]
    if kind == 'lstm':
        i = _sigmoid(lin(0, x) + lin(4, h))
        f = _sigmoid(lin(1, x) + lin(5, h))
        # v5's code order (cuDNN's): w2 feeds the cell input, w3 the
        # output gate.
        a = numpy.tanh(lin(2, x) + lin(6, h))
        o = _sigmoid(lin(3, x) + lin(7, h))
        c = f * c + i * a
        return o * numpy.tanh(c), c
    if kind == 'gru':
        r = _sigmoid(lin(0, x) + lin(3, h))
        z = _sigmoid(lin(1, x) + lin(4, h))
        h_bar = numpy.tanh(lin(2, x) + r * lin(5, h))
        return (1 - z) * h_bar + z * h, c
    pre = lin(0, x) + lin(1, h)
    return (numpy.tanh(pre) if kind == 'tanh' else numpy.maximum(pre, 0)), c


def _ref_nstep(link, kind, hx, cx, xs):
    """Returns (hy, cy, ys) computed one sequence at a time."""
    n_dir = link.direction
    params = [([getattr(l, 'w%d' % j).array.astype(numpy.float64)
                for j in range(link.n_weights)],
               [getattr(l, 'b%d' % j).array.astype(numpy.float64)
                for j in range(link.n_weights)]) for l in link]
    hy = numpy.array(hx, numpy.float64)
    cy = None if cx is None else numpy.array(cx, numpy.float64)
    ys = []
    for s, x in enumerate(xs):
        inp = numpy.asarray(x, numpy.float64)
        for layer in range(link.n_layers):
            outs = []
            for d in range(n_dir):
                k = layer * n_dir + d
                w, b = params[k]
                h = hy[k, s].copy()
                c = None if cy is None else cy[k, s].copy()
                order = range(len(inp)) if d == 0 else \
                    reversed(range(len(inp)))
                out = numpy.zeros((len(inp), link.out_size))
                for t in order:
                    h, c = _cell(kind, w, b, inp[t], h, c)
                    out[t] = h
                hy[k, s] = h
                if cy is not None:
                    cy[k, s] = c
                outs.append(out)
            inp = numpy.concatenate(outs, axis=1)
        ys.append(inp)
    return hy, cy, ys


def _randomize_nstep_biases(link):
    """Sets every bias ``b{j}`` of an NStep link to uniform(-0.5, 0.5)
    (they start at zero, which would hide a misplaced bias)."""
    for layer in link:
        for j in range(link.n_weights):
            b = getattr(layer, 'b%d' % j)
            b.array[...] = numpy.random.uniform(-0.5, 0.5, b.shape)


@pytest.fixture
def ref_nstep():
    return _ref_nstep


@pytest.fixture
def randomize_nstep_biases():
    return _randomize_nstep_biases
