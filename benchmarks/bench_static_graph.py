"""Small MLP training loop with ``chainer.static_graph`` (v5 experimental).

MLP 100 -> 50 -> 50 -> 10 (linear + relu), batch 16, float32: forward of
the static chain, softmax cross entropy outside it (as with
``L.Classifier``), backward, and an in-place SGD update. Arrays are small,
so the framework's per-function Python overhead, which static_graph
removes after the first call, dominates. Reported per step in
microseconds.

The runner's chainer column is the static_graph model; ``note()`` also
times the same model define-by-run and prints the speed-up. Run this file
directly for just the two chainer timings.
"""

import time

import numpy

NAME = 'static_graph'
DESCRIPTION = 'MLP 100-50-50-10 fwd+bwd+SGD, batch 16, static_graph'
UNIT = 'us/step'
UNITS_PER_STEP = 1  # the runner reports microseconds per step
BATCH = 16
SIZES = (100, 50, 50, 10)
LR = 0.01


def _params():
    rng = numpy.random.RandomState(0)
    params = []
    for n_in, n_out in zip(SIZES[:-1], SIZES[1:]):
        params.append((rng.standard_normal((n_out, n_in)) /
                       numpy.sqrt(n_in)).astype(numpy.float32))
        params.append(numpy.zeros(n_out, numpy.float32))
    return params


def _data():
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (BATCH, SIZES[0])).astype(numpy.float32)
    t = rng.randint(0, SIZES[-1], BATCH).astype(numpy.int32)
    return x, t


def _chainer_step(static, chain_only=False):
    import chainer
    import chainer.functions as F

    class MLP(chainer.Chain):
        def __init__(self):
            super(MLP, self).__init__()
            with self.init_scope():
                for i, p in enumerate(_params()):
                    setattr(self, 'p%d' % i, chainer.Parameter(p.copy()))

        def forward(self, x):
            h = F.relu(F.linear(x, self.p0, self.p1))
            h = F.relu(F.linear(h, self.p2, self.p3))
            return F.linear(h, self.p4, self.p5)

    if static:
        MLP.forward = chainer.static_graph(MLP.forward)
    model = MLP()
    params = list(model.params())
    x, t = _data()
    gy = numpy.full((BATCH, SIZES[-1]), 1.0 / BATCH, numpy.float32)

    def chain_step():
        # Only what static_graph replaces: the chain's forward and backward.
        model.cleargrads()
        y = model(x)
        y.grad = gy
        y.backward()
        return model.p0.grad.copy()

    def step():
        model.cleargrads()
        loss = F.softmax_cross_entropy(model(x), t)
        loss.backward()
        for p in params:
            p.array -= LR * p.grad
        return model.p0.array.copy()

    return chain_step if chain_only else step


def chainer_setup():
    return _chainer_step(static=True)


def torch_setup(torch):
    import torch.nn.functional as TF

    params = [torch.tensor(p.copy(), requires_grad=True) for p in _params()]
    x0, t0 = _data()
    x = torch.from_numpy(x0)
    t = torch.from_numpy(t0.astype(numpy.int64))

    def step():
        for p in params:
            p.grad = None
        w1, b1, w2, b2, w3, b3 = params
        h = torch.relu(TF.linear(x, w1, b1))
        h = torch.relu(TF.linear(h, w2, b2))
        loss = TF.cross_entropy(TF.linear(h, w3, b3), t)
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= LR * p.grad
        return params[0].detach().numpy().copy()

    return step


def _best_time(step, rounds=7, number=300):
    for _ in range(20):
        step()  # records the schedule and captures the gradient code
    best = float('inf')
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            step()
        best = min(best, (time.perf_counter() - start) / number)
    return best * 1e6


def compare(chain_only=False):
    """Best-of-rounds us/step of define-by-run and static_graph models."""
    dbr = _chainer_step(False, chain_only)
    static = _chainer_step(True, chain_only)
    times = {'define-by-run': [], 'static_graph': []}
    for _ in range(3):  # alternate, so machine noise hits both alike
        times['define-by-run'].append(_best_time(dbr, rounds=3))
        times['static_graph'].append(_best_time(static, rounds=3))
    return {k: min(v) for k, v in times.items()}


def note():
    lines = []
    for chain_only, what in ((False, 'training step'),
                             (True, 'chain fwd+bwd only')):
        t = compare(chain_only)
        lines.append('%s: define-by-run %.1f us, static_graph %.1f us, '
                     'speed-up %.2fx' % (
                         what, t['define-by-run'], t['static_graph'],
                         t['define-by-run'] / t['static_graph']))
    return 'chainer ' + '; '.join(lines)


if __name__ == '__main__':
    print(note())
