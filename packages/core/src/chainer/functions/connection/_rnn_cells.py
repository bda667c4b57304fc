"""Fused LSTM/GRU/RNN cells running a whole sequence on packed rows.

Rows of all time steps are packed in one (sum(B_t), .) array; ``steps``
lists ``(row offset, B_t)`` in processing order.  The input projections
of every step are one GEMM done by the caller; a step here does one GEMM
for the recurrent part and in-place gate math.  Rows past ``B_t`` keep
their state, which is how shorter sequences stop early.

``graph_params``/``graph_step`` compute one step with differentiable
functions instead; they serve double backprop only.
"""
import chainer.functions
from chainer import backend


def _sigmoid_(a, xp):
    # sigmoid(x) = (tanh(x / 2) + 1) / 2, in place and overflow-free.
    a *= 0.5
    xp.tanh(a, out=a)
    a += 1
    a *= 0.5
    return a


class LSTMCell(object):

    n_gates = 4
    has_c = True
    # Internal gate blocks are (i, f, o, a) so that one sigmoid covers the
    # first three; v5 (and cuDNN) store them as W0..W3 = (i, f, a, o).
    order = (0, 1, 3, 2)
    cudnn_mode = 'CUDNN_LSTM'

    @staticmethod
    def x_bias(bx, bh):
        return bx + bh

    @staticmethod
    def forward(xproj, WhT, bh, h, c, steps):
        xp = backend.get_array_module(xproj)
        n = h.shape[1]
        rows = xproj.shape[0]
        # Gate activations are written over the input projections.
        acts = xproj
        rec = xp.empty((h.shape[0], 4 * n), h.dtype)
        tanh_c = xp.empty((rows, n), h.dtype)
        c_prev = xp.empty((rows, n), h.dtype)
        h_prev = xp.empty((rows, n), h.dtype)
        out = xp.empty((rows, n), h.dtype)
        for start, bt in steps:
            r = slice(start, start + bt)
            h_prev[r] = h[:bt]
            c_prev[r] = c[:bt]
            g = acts[r]
            g += xp.dot(h[:bt], WhT, out=rec[:bt])
            _sigmoid_(g[:, :3 * n], xp)
            xp.tanh(g[:, 3 * n:], out=g[:, 3 * n:])
            i, f, o, a = (g[:, k * n:(k + 1) * n] for k in range(4))
            cn = c[:bt]
            cn *= f
            cn += i * a
            xp.tanh(cn, out=tanh_c[r])
            xp.multiply(o, tanh_c[r], out=out[r])
            h[:bt] = out[r]
        return out, h, c, (acts, tanh_c, c_prev, h_prev)

    @staticmethod
    def backward(saved, dout, dh, dc, Wh, steps):
        xp = backend.get_array_module(dout)
        acts, tanh_c, c_prev, h_prev = saved
        n = dh.shape[1]
        dG = xp.empty_like(acts)
        for start, bt in reversed(steps):
            r = slice(start, start + bt)
            g = acts[r]
            i, f, o, a = (g[:, k * n:(k + 1) * n] for k in range(4))
            tc = tanh_c[r]
            dht = dh[:bt]
            dht += dout[r]
            dct = dc[:bt]
            dct += dht * o * (1 - tc * tc)
            d = dG[r]
            di, df, do, da = (d[:, k * n:(k + 1) * n] for k in range(4))
            xp.multiply(dct, a, out=di)
            di *= i * (1 - i)
            xp.multiply(dct, c_prev[r], out=df)
            df *= f * (1 - f)
            xp.multiply(dht, tc, out=do)
            do *= o * (1 - o)
            xp.multiply(dct, i, out=da)
            da *= 1 - a * a
            dct *= f
            xp.dot(d, Wh, out=dht)
        return dG, dG, h_prev, dh, dc

    @staticmethod
    def graph_params(w, b):
        F = chainer.functions
        o = LSTMCell.order
        return (F.concat([w[j] for j in o], axis=0),
                F.concat([w[4 + j] for j in o], axis=0),
                F.concat([b[j] + b[4 + j] for j in o], axis=0))

    @staticmethod
    def graph_step(x, h, c, params):
        F = chainer.functions
        Wx, Wh, b = params
        gates = F.linear(x, Wx, b) + F.linear(h, Wh)
        i, f, o, a = F.split_axis(gates, 4, axis=1)
        c = F.sigmoid(f) * c + F.sigmoid(i) * F.tanh(a)
        return F.sigmoid(o) * F.tanh(c), c


class GRUCell(object):

    n_gates = 3
    order = (0, 1, 2)
    cudnn_mode = 'CUDNN_GRU'
    has_c = False

    @staticmethod
    def x_bias(bx, bh):
        n = bx.shape[0] // 3
        b = bx.copy()
        # b5 sits inside r * (W5 h + b5), so it is not folded in here.
        b[:2 * n] += bh[:2 * n]
        return b

    @staticmethod
    def forward(xproj, WhT, bh, h, c, steps):
        xp = backend.get_array_module(xproj)
        n = h.shape[1]
        rows = xproj.shape[0]
        # r, z and h~ are written over the input projections.
        gates = xproj
        hn = xp.empty((rows, n), h.dtype)          # W5 h + b5
        h_prev = xp.empty((rows, n), h.dtype)
        out = xp.empty((rows, n), h.dtype)
        rec = xp.empty((h.shape[0], 3 * n), h.dtype)
        b5 = bh[2 * n:]
        for start, bt in steps:
            r = slice(start, start + bt)
            hp = h[:bt]
            h_prev[r] = hp
            hw = xp.dot(hp, WhT, out=rec[:bt])
            g = gates[r]
            g[:, :2 * n] += hw[:, :2 * n]
            _sigmoid_(g[:, :2 * n], xp)
            rg, z, ht = g[:, :n], g[:, n:2 * n], g[:, 2 * n:]
            xp.add(hw[:, 2 * n:], b5, out=hn[r])
            ht += rg * hn[r]
            xp.tanh(ht, out=ht)
            # h' = h~ + z (h - h~)
            o = out[r]
            xp.subtract(hp, ht, out=o)
            o *= z
            o += ht
            h[:bt] = o
        return out, h, None, (gates, hn, h_prev)

    @staticmethod
    def backward(saved, dout, dh, dc, Wh, steps):
        xp = backend.get_array_module(dout)
        gates, hn, h_prev = saved
        n = dh.shape[1]
        dGx = xp.empty_like(gates)
        dGh = xp.empty_like(gates)
        for start, bt in reversed(steps):
            r = slice(start, start + bt)
            g = gates[r]
            rg, z, ht = g[:, :n], g[:, n:2 * n], g[:, 2 * n:]
            dht = dh[:bt]
            dht += dout[r]
            dx, dhh = dGx[r], dGh[r]
            dpre_h = dx[:, 2 * n:]
            xp.multiply(dht, 1 - z, out=dpre_h)
            dpre_h *= 1 - ht * ht
            dz = dx[:, n:2 * n]
            xp.subtract(h_prev[r], ht, out=dz)
            dz *= dht
            dz *= z * (1 - z)
            dr = dx[:, :n]
            xp.multiply(dpre_h, hn[r], out=dr)
            dr *= rg * (1 - rg)
            dhh[:, :2 * n] = dx[:, :2 * n]
            xp.multiply(dpre_h, rg, out=dhh[:, 2 * n:])
            dht *= z
            dht += dhh.dot(Wh)
        return dGx, dGh, h_prev, dh, None

    @staticmethod
    def graph_params(w, b):
        F = chainer.functions
        return (F.concat(w[:3], axis=0), F.concat(w[3:], axis=0),
                F.concat(b[:3], axis=0), F.concat(b[3:], axis=0))

    @staticmethod
    def graph_step(x, h, c, params):
        F = chainer.functions
        Wx, Wh, bx, bh = params
        xr, xz, xh = F.split_axis(F.linear(x, Wx, bx), 3, axis=1)
        hr, hz, hh = F.split_axis(F.linear(h, Wh, bh), 3, axis=1)
        r = F.sigmoid(xr + hr)
        z = F.sigmoid(xz + hz)
        h_tilde = F.tanh(xh + r * hh)
        return h_tilde + z * (h - h_tilde), None


class RNNCell(object):

    n_gates = 1
    order = (0,)
    has_c = False

    def __init__(self, activation):
        self.relu = activation == 'relu'
        self.cudnn_mode = 'CUDNN_RNN_RELU' if self.relu else 'CUDNN_RNN_TANH'

    @staticmethod
    def x_bias(bx, bh):
        return bx + bh

    def forward(self, xproj, WhT, bh, h, c, steps):
        xp = backend.get_array_module(xproj)
        rows, n = xproj.shape
        # Outputs are written over the input projections.
        out = xproj
        h_prev = xp.empty((rows, n), h.dtype)
        rec = xp.empty(h.shape, h.dtype)
        for start, bt in steps:
            r = slice(start, start + bt)
            h_prev[r] = h[:bt]
            o = out[r]
            o += xp.dot(h[:bt], WhT, out=rec[:bt])
            if self.relu:
                xp.maximum(o, 0, out=o)
            else:
                xp.tanh(o, out=o)
            h[:bt] = o
        return out, h, None, (out, h_prev)

    def backward(self, saved, dout, dh, dc, Wh, steps):
        xp = backend.get_array_module(dout)
        out, h_prev = saved
        dG = xp.empty_like(out)
        for start, bt in reversed(steps):
            r = slice(start, start + bt)
            dht = dh[:bt]
            dht += dout[r]
            d = dG[r]
            if self.relu:
                xp.multiply(dht, out[r] > 0, out=d)
            else:
                xp.multiply(dht, 1 - out[r] * out[r], out=d)
            xp.dot(d, Wh, out=dht)
        return dG, dG, h_prev, dh, None

    def graph_params(self, w, b):
        return w[0], w[1], b[0] + b[1]

    def graph_step(self, x, h, c, params):
        F = chainer.functions
        Wx, Wh, b = params
        pre = F.linear(x, Wx, b) + F.linear(h, Wh)
        return (F.relu(pre) if self.relu else F.tanh(pre)), None
