"""n_step_lstm: 2 layers x 650 units, sequence 35, batch 20, fwd + bwd.

The PTB "medium" LSTM shape. Both frameworks get the same weights and
inputs (PyTorch's gate order i, f, g, o is v5's W0..W3 order, as in
cuDNN); the loss is the sum of all outputs. Reported in ms per step.

The workload is GEMM-bound, so the ratio mostly compares NumPy's BLAS with
PyTorch's. Where OpenBLAS does not recognise an AVX-512 CPU (it reports
its core as Haswell), run with OPENBLAS_CORETYPE=SkylakeX to give NumPy the
AVX-512 kernels PyTorch's MKL already uses.
"""

import numpy

NAME = 'lstm'
DESCRIPTION = 'n_step_lstm 2x650, seq 35, batch 20, fwd+bwd float32'
UNIT = 'ms/step'
# The runner reports 1e6 * seconds / UNITS_PER_STEP: this gives ms.
UNITS_PER_STEP = 1000
LAYERS, UNITS, SEQ, BATCH = 2, 650, 35, 20


def _data():
    rng = numpy.random.RandomState(0)
    s = 1 / numpy.sqrt(UNITS)

    def u(*shape):
        return rng.uniform(-s, s, shape).astype(numpy.float32)
    ws = [[u(UNITS, UNITS) for _ in range(8)] for _ in range(LAYERS)]
    bs = [[u(UNITS) for _ in range(8)] for _ in range(LAYERS)]
    xs = [rng.uniform(-1, 1, (BATCH, UNITS)).astype(numpy.float32)
          for _ in range(SEQ)]
    return ws, bs, xs


def chainer_setup():
    import chainer
    import chainer.functions as F

    ws0, bs0, xs0 = _data()
    ws = [[chainer.Parameter(w) for w in lw] for lw in ws0]
    bs = [[chainer.Parameter(b) for b in lw] for lw in bs0]
    xs = [chainer.Variable(x) for x in xs0]
    h0 = numpy.zeros((LAYERS, BATCH, UNITS), numpy.float32)

    def step():
        for p in [p for lw in ws + bs for p in lw] + xs:
            p.cleargrad()
        _, _, ys = F.n_step_lstm(LAYERS, 0.0, h0, h0, ws, bs, xs)
        loss = F.sum(ys[0])
        for y in ys[1:]:
            loss = loss + F.sum(y)
        loss.backward()
        return ws[0][4].grad.copy()

    return step


def torch_setup(torch):
    ws0, bs0, xs0 = _data()
    lstm = torch.nn.LSTM(UNITS, UNITS, LAYERS)
    with torch.no_grad():
        for k in range(LAYERS):
            for name, arrays in (('weight_ih', ws0[k][:4]),
                                 ('weight_hh', ws0[k][4:]),
                                 ('bias_ih', bs0[k][:4]),
                                 ('bias_hh', bs0[k][4:])):
                getattr(lstm, '%s_l%d' % (name, k)).copy_(
                    torch.from_numpy(numpy.concatenate(arrays)))
    x = torch.from_numpy(numpy.stack(xs0)).requires_grad_()
    h0 = torch.zeros(LAYERS, BATCH, UNITS)

    def step():
        lstm.zero_grad()
        x.grad = None
        ys, _ = lstm(x, (h0, h0))
        ys.sum().backward()
        # Chainer's W_4 (recurrent, input gate) is torch's first block.
        return lstm.weight_hh_l0.grad[:UNITS].numpy().copy()

    return step
