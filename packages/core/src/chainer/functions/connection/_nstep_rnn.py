"""One node for a whole stacked (bi)directional LSTM/GRU/RNN call.

Per layer and direction: one GEMM projects the inputs of all time steps,
the cell loops over steps with one recurrent GEMM each, and backward
does one GEMM each for the input gradient and both weight gradients.
While training, each direction of every layer above the first draws its
own dropout mask for its input, in v5's order (layer by layer, forward
direction first, time steps in order); v5 never drops the input of the
first layer, on CPU as with cuDNN.

Plain backprop runs that fused BPTT on arrays (``_backward_arrays``).
Double backprop (v5 composes these functions from differentiable ones on
the CPU) recomputes the forward pass as a graph of ``chainer.functions``
and differentiates it; see :meth:`NStepRNN.backward`.
"""
import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer import function_node
from chainer.utils import type_check


class NStepRNN(function_node.FunctionNode):

    """Inputs ``(hx, [cx], *ws (flat), *bs (flat), *xs)``; outputs
    ``(hy, [cy], *ys)``."""

    def __init__(self, cell, n_layers, n_dirs, dropout_ratio, n_ws, n_xs):
        self.cell = cell
        self.n_layers = n_layers
        self.n_dirs = n_dirs
        self.dropout_ratio = dropout_ratio
        self.n_ws = n_ws        # matrices per layer and direction
        self.n_xs = n_xs
        self.train = bool(chainer.config.train)

    def check_type_forward(self, in_types):
        n_st = 2 if self.cell.has_c else 1
        n_lw = self.n_layers * self.n_dirs * self.n_ws
        type_check.expect(in_types.size() == n_st + 2 * n_lw + self.n_xs)
        # v5 needs one float dtype for states, weights and inputs.
        for t in in_types:
            type_check.expect(t.dtype.kind == 'f',
                              t.dtype == in_types[0].dtype)

    def _split(self, inputs):
        n_st = 2 if self.cell.has_c else 1
        hx = inputs[0]
        cx = inputs[1] if self.cell.has_c else None
        n_lw = self.n_layers * self.n_dirs * self.n_ws
        ws = inputs[n_st:n_st + n_lw]
        bs = inputs[n_st + n_lw:n_st + 2 * n_lw]
        xs = inputs[n_st + 2 * n_lw:]
        return hx, cx, ws, bs, xs

    def _weights(self, ws, k):
        return ws[k * self.n_ws:(k + 1) * self.n_ws]

    def _params(self, ws, bs, k):
        """Stacked input weights ``(G*N, I)``, transposed recurrent
        weights ``(N, G*N)``, input-side bias and recurrent bias of
        layer-direction ``k``."""
        xp = backend.get_array_module(ws[0])
        g = self.cell.n_gates
        order = self.cell.order
        w = self._weights(ws, k)
        b = self._weights(bs, k)
        n = w[g].shape[0]
        # h W^T per step runs almost twice as fast with W^T C-ordered;
        # transposing block by block (each fits in cache) is cheaper
        # than transposing the stacked matrix.
        WhT = xp.empty((n, g * n), w[g].dtype)
        for j, src in enumerate(order):
            WhT[:, j * n:(j + 1) * n] = w[g + src].T
        bh = xp.concatenate([b[g + src] for src in order])
        bx = self.cell.x_bias(xp.concatenate([b[src] for src in order]), bh)
        return xp.concatenate([w[src] for src in order], axis=0), WhT, bx, bh

    def forward(self, inputs):
        hx, cx, ws, bs, xs = self._split(inputs)
        xp = backend.get_array_module(hx)
        dtype = hx.dtype
        sizes = [len(x) for x in xs]
        offs = numpy.concatenate([[0], numpy.cumsum(sizes)]).astype(int)
        fwd = [(int(offs[t]), sizes[t]) for t in range(len(xs))]
        self._steps = (fwd, fwd[::-1])
        self._offs = offs
        inp = xp.concatenate(xs, axis=0).astype(dtype, copy=False)
        hy = xp.empty_like(hx)
        cy = xp.empty_like(cx) if cx is not None else None
        self._saved = []
        # Per layer: None, or one mask per direction.
        self._masks = []
        # Per layer and direction: the (masked) input it read.
        self._inputs = []
        self._stacked = []
        for layer in range(self.n_layers):
            masks = self._draw_masks(xp, layer, inp.shape, dtype)
            self._masks.append(masks)
            outs = []
            for d in range(self.n_dirs):
                k = layer * self.n_dirs + d
                inp_d = inp if masks is None else inp * masks[d]
                self._inputs.append(inp_d)
                Wx, WhT, bx, bh = self._params(ws, bs, k)
                # The stacked input weights are reused by backward.
                self._stacked.append(Wx)
                xproj = inp_d.dot(Wx.T)
                xproj += bx
                h = hx[k].copy()
                c = cx[k].copy() if cx is not None else None
                out, h, c, saved = self.cell.forward(
                    xproj, WhT, bh, h, c, self._steps[d])
                hy[k] = h
                if cy is not None:
                    cy[k] = c
                self._saved.append(saved)
                outs.append(out)
            inp = outs[0] if self.n_dirs == 1 else xp.concatenate(outs, 1)
        self.retain_inputs(tuple(range(len(inputs))))
        ys = tuple(inp[offs[t]:offs[t + 1]] for t in range(len(xs)))
        head = (hy, cy) if cy is not None else (hy,)
        return head + ys

    def _draw_masks(self, xp, layer, shape, dtype):
        """The dropout masks of the directions of ``layer`` (or None)."""
        if not self.train or layer == 0:
            return None
        # v5 calls F.dropout on each step's input even at ratio 0, which
        # still draws from numpy's generator; drawing here too keeps the
        # stream (and later shuffles, dropouts...) as in v5.  Rows are
        # packed time step after time step, so one draw per direction
        # takes v5's numbers: in step order for the forward direction, in
        # reverse step order for the backward one (v5 walks it backwards).
        ratio = self.dropout_ratio
        scale = dtype.type(1. / (1 - ratio))
        masks = []
        for d in range(self.n_dirs):
            if xp is numpy:
                # float64 uniforms compared with the ratio, as v5 does.
                r = numpy.random.rand(*shape)
                if d == 1:
                    r = self._reverse_steps(r)
            else:
                r = xp.random.rand(*shape, dtype=numpy.float32)
            masks.append((r >= ratio).astype(dtype) * scale)
        return tuple(masks) if ratio > 0 else None

    def _reverse_steps(self, r):
        """Deals the rows of ``r``, drawn in order, out to the time steps
        taken last to first."""
        offs = self._offs
        out = numpy.empty_like(r)
        start = 0
        for t in reversed(range(len(offs) - 1)):
            n = offs[t + 1] - offs[t]
            out[offs[t]:offs[t + 1]] = r[start:start + n]
            start += n
        return out

    def _backward_arrays(self, indexes, grad_outputs):
        # Plain backprop: fused BPTT on the arrays saved by forward.
        n_x = len(self.inputs) - self.n_xs
        # The input GEMM of the first layer is skipped when no x needs it.
        need_dx = any(i >= n_x for i in indexes)
        grads = self._grad_arrays(grad_outputs, need_dx)
        return [grads[i] for i in indexes]

    def backward(self, indexes, grad_outputs):
        # Only called while a differentiable graph of the gradients is
        # built (double backprop): rerun the forward pass as a graph of
        # differentiable functions, with the masks drawn by forward, and
        # differentiate that.  Identity nodes cut the recomputed graph off
        # from whatever produced the inputs.
        F = chainer.functions
        inputs = F.identity(*self.get_retained_inputs())
        outs = self._forward_graph(*self._split(inputs))
        pairs = [(y, g) for y, g in zip(outs, grad_outputs) if g is not None]
        targets = [inputs[i] for i in indexes]
        if not pairs:
            return (None,) * len(indexes)
        return tuple(chainer.grad([y for y, _ in pairs], targets,
                                  [g for _, g in pairs],
                                  enable_double_backprop=True))

    def _forward_graph(self, hx, cx, ws, bs, xs):
        """The outputs of forward as Variables built from functions."""
        F = chainer.functions
        offs = self._offs
        T = len(xs)
        n_batch = hx.shape[1]
        layer_in = list(xs)
        hys, cys = [], []
        for layer in range(self.n_layers):
            masks = self._masks[layer]
            per_dir = []
            for d in range(self.n_dirs):
                k = layer * self.n_dirs + d
                dir_in = layer_in
                if masks is not None:
                    dir_in = [x * masks[d][offs[t]:offs[t + 1]]
                              for t, x in enumerate(layer_in)]
                params = self.cell.graph_params(
                    ws[k * self.n_ws:(k + 1) * self.n_ws],
                    bs[k * self.n_ws:(k + 1) * self.n_ws])
                h = hx[k]
                c = cx[k] if cx is not None else None
                outs = [None] * T
                for t in (range(T) if d == 0 else reversed(range(T))):
                    bt = int(offs[t + 1] - offs[t])
                    # Rows past B_t (finished or not yet started
                    # sequences) keep their state.
                    h_new, c_new = self.cell.graph_step(
                        dir_in[t], h[:bt], None if c is None else c[:bt],
                        params)
                    outs[t] = h_new
                    if bt < n_batch:
                        h_new = F.concat((h_new, h[bt:]), axis=0)
                        if c is not None:
                            c_new = F.concat((c_new, c[bt:]), axis=0)
                    h, c = h_new, c_new
                hys.append(h)
                cys.append(c)
                per_dir.append(outs)
            if self.n_dirs == 1:
                layer_in = per_dir[0]
            else:
                layer_in = [F.concat(o, axis=1) for o in zip(*per_dir)]
        head = [F.stack(hys)]
        if cx is not None:
            head.append(F.stack(cys))
        return head + layer_in

    def _grad_arrays(self, gouts, need_dx):
        """Gradients of all inputs (arrays) from those of the outputs."""
        inputs = [x._data for x in self.inputs]
        hx, cx, ws, bs, xs = self._split(inputs)
        xp = backend.get_array_module(hx)
        n_st = 2 if self.cell.has_c else 1
        n = hx.shape[2]
        dhy = gouts[0]
        dcy = gouts[1] if self.cell.has_c else None
        gys = gouts[n_st:]
        offs = self._offs
        dY = xp.zeros((int(offs[-1]), n * self.n_dirs), hx.dtype)
        for t, g in enumerate(gys):
            if g is not None:
                dY[offs[t]:offs[t + 1]] = g
        gws = [None] * len(ws)
        gbs = [None] * len(bs)
        ghx = xp.empty_like(hx)
        gcx = xp.empty_like(cx) if cx is not None else None
        g = self.cell.n_gates
        order = self.cell.order
        for layer in reversed(range(self.n_layers)):
            masks = self._masks[layer]
            dinp = None
            for d in range(self.n_dirs):
                k = layer * self.n_dirs + d
                inp = self._inputs[k]
                Wx = self._stacked[k]
                w_k = self._weights(ws, k)
                Wh = xp.concatenate([w_k[g + src] for src in order], axis=0)
                dh = (dhy[k].copy() if dhy is not None
                      else xp.zeros_like(hx[k]))
                dc = None
                if self.cell.has_c:
                    dc = (dcy[k].copy() if dcy is not None
                          else xp.zeros_like(cx[k]))
                dout = xp.ascontiguousarray(dY[:, d * n:(d + 1) * n])
                dGx, dGh, h_prev, dh, dc = self.cell.backward(
                    self._saved[k], dout, dh, dc, Wh, self._steps[d])
                ghx[k] = dh
                if gcx is not None:
                    gcx[k] = dc
                gWx = dGx.T.dot(inp)
                gWh = dGh.T.dot(h_prev)
                gbx = dGx.sum(axis=0)
                # LSTM and RNN cells share one gate gradient for both sides.
                gbh = gbx if dGh is dGx else dGh.sum(axis=0)
                base = k * self.n_ws
                for j, src in enumerate(order):
                    rows = slice(j * n, (j + 1) * n)
                    gws[base + src] = gWx[rows]
                    gws[base + g + src] = gWh[rows]
                    gbs[base + src] = gbx[rows]
                    gbs[base + g + src] = gbh[rows]
                if layer > 0 or need_dx:
                    part = dGx.dot(Wx)
                    if masks is not None:
                        part *= masks[d]
                    dinp = part if dinp is None else dinp + part
            dY = dinp
        if dY is None:
            gxs = [xp.zeros_like(x) for x in xs]
        else:
            gxs = [dY[offs[t]:offs[t + 1]].astype(x.dtype, copy=False)
                   for t, x in enumerate(xs)]
        out = [ghx] + ([gcx] if gcx is not None else [])
        out += [a.astype(w.dtype, copy=False) for a, w in zip(gws, ws)]
        out += [a.astype(b.dtype, copy=False) for a, b in zip(gbs, bs)]
        return out + gxs


def _shape(a):
    return tuple(a.shape)


def apply_rnn(cell, n_layers, n_dirs, dropout_ratio, hx, cx, ws, bs, xs,
              kwargs, name):
    """Checks the v5 argument layout and runs :class:`NStepRNN`."""
    from chainer.utils import argument
    argument.check_unexpected_kwargs(
        kwargs, train='train argument is not supported anymore. '
        'Use chainer.using_config',
        use_cudnn='use_cudnn argument is not supported anymore. '
        'Use chainer.using_config')
    argument.assert_kwargs_empty(kwargs)
    n_ws = 2 * cell.n_gates
    n_lw = n_layers * n_dirs
    if len(xs) == 0:
        raise ValueError('%s: xs must contain at least one array' % name)
    sizes = [len(x) for x in xs]
    for t in range(len(sizes) - 1):
        if sizes[t] < sizes[t + 1]:
            raise ValueError(
                '%s: batch sizes of xs must be in decreasing order (sort '
                'the sequences by length, longest first): len(xs[%d]) = %d '
                '< len(xs[%d]) = %d' % (name, t, sizes[t], t + 1,
                                        sizes[t + 1]))
    n_units = hx.shape[-1] if hx is not None else ws[0][n_ws - 1].shape[0]
    state = (n_lw, sizes[0], n_units)
    for label, s in (('hx', hx), ('cx', cx)):
        if s is not None and _shape(s) != state:
            raise ValueError('%s: %s must have shape %s (n_layers * '
                             'directions, len(xs[0]), n_units), got %s'
                             % (name, label, state, _shape(s)))
    if len(ws) != n_lw or len(bs) != n_lw:
        raise ValueError('%s: ws and bs need %d entries (n_layers * '
                         'directions), got %d and %d'
                         % (name, n_lw, len(ws), len(bs)))
    n_in = xs[0].shape[1]
    for k in range(n_lw):
        if len(ws[k]) != n_ws or len(bs[k]) != n_ws:
            raise ValueError('%s: ws[%d] and bs[%d] need %d arrays each, '
                             'got %d and %d' % (name, k, k, n_ws,
                                                len(ws[k]), len(bs[k])))
        in_size = n_in if k < n_dirs else n_units * n_dirs
        for j in range(n_ws):
            want = (n_units, in_size if j < cell.n_gates else n_units)
            if _shape(ws[k][j]) != want:
                raise ValueError('%s: ws[%d][%d] must have shape %s, got '
                                 '%s' % (name, k, j, want,
                                         _shape(ws[k][j])))
            if _shape(bs[k][j]) != (n_units,):
                raise ValueError('%s: bs[%d][%d] must have shape %s, got '
                                 '%s' % (name, k, j, (n_units,),
                                         _shape(bs[k][j])))
    for t, x in enumerate(xs):
        if len(x.shape) != 2 or x.shape[1] != n_in:
            raise ValueError('%s: xs[%d] must have shape (B_t, %d), got %s'
                             % (name, t, n_in, _shape(x)))
    xp = backend.get_array_module(
        *[getattr(a, 'array', a) for a in (xs[0], ws[0][0])])
    dtype = getattr(xs[0], 'dtype', None)
    if hx is None:
        hx = xp.zeros(state, dtype)
    if cell.has_c and cx is None:
        cx = xp.zeros(state, dtype)
    flat_ws = [w for lw in ws for w in lw]
    flat_bs = [b for lb in bs for b in lb]
    head = (hx, cx) if cell.has_c else (hx,)
    node_class = NStepRNN
    if cuda.cudnn_enabled:
        # Imported here: it subclasses NStepRNN.
        from chainer.functions.connection import _nstep_cudnn
        if _nstep_cudnn.usable(getattr(xs[0], 'array', xs[0])):
            node_class = _nstep_cudnn.CudnnNStepRNN
    node = node_class(cell, n_layers, n_dirs, dropout_ratio, n_ws, len(xs))
    outs = node.apply(head + tuple(flat_ws) + tuple(flat_bs) + tuple(xs))
    n_st = len(head)
    return outs[:n_st] + (tuple(outs[n_st:]),)
