"""A chain of 50 mixed elementwise ops on (1000, 1000) float32, fwd+bwd.

The ops cycle through arithmetic with parameter arrays (``* b``, ``+ a``,
``- a``) and the unary functions tanh, exp, log, sin, square, cos and
sqrt, in an order that keeps every value in a safe range (log and sqrt
only see positive inputs, nothing overflows). At this size the work is in
the arrays, not in graph bookkeeping: the workload measures whether the
forward and backward passes make more temporaries than needed. Reported in
milliseconds per step (one forward and one backward of the whole chain).
"""

import numpy

NAME = 'elementwise_chain'
DESCRIPTION = 'fwd+bwd, chain of 50 elementwise ops, (1000, 1000) float32'
UNIT = 'ms/step'
# The runner reports seconds * 1e6 / UNITS_PER_STEP: 1000 gives ms/step.
UNITS_PER_STEP = 1000
SHAPE = (1000, 1000)
N_OPS = 50
# tanh -> (-1, 1); exp -> (0.3, 2.8); log -> (-1, 1); sin, square ->
# [0, 0.8]; - a -> (-1.3, 1.3); cos -> (0.2, 1]; sqrt -> (0.5, 1].
CYCLE = ('mul', 'add', 'tanh', 'exp', 'log', 'sin', 'square', 'sub', 'cos',
         'sqrt')


def ops():
    return [CYCLE[i % len(CYCLE)] for i in range(N_OPS)]


def note():
    return '%d ops cycling %s' % (N_OPS, ', '.join(CYCLE))


def _inputs():
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, SHAPE).astype(numpy.float32)
    a = rng.uniform(-0.5, 0.5, SHAPE).astype(numpy.float32)
    b = rng.uniform(0.9, 1.1, SHAPE).astype(numpy.float32)
    gy = rng.uniform(-1, 1, SHAPE).astype(numpy.float32)
    return x, a, b, gy


def _run(seq, h, a, b, unary):
    for op in seq:
        if op == 'mul':
            h = h * b
        elif op == 'add':
            h = h + a
        elif op == 'sub':
            h = h - a
        else:
            h = unary[op](h)
    return h


def chainer_setup():
    """Returns a step function: one forward+backward; it returns x.grad."""
    import chainer
    import chainer.functions as F

    seq = ops()
    x0, a0, b0, gy = _inputs()
    x = chainer.Variable(x0)
    a = chainer.Variable(a0)
    b = chainer.Variable(b0)
    unary = {name: getattr(F, name) for name in CYCLE
             if name not in ('mul', 'add', 'sub')}

    def step():
        x.cleargrad()
        a.cleargrad()
        b.cleargrad()
        h = _run(seq, x, a, b, unary)
        h.grad = gy
        h.backward()
        return x.grad

    return step


def torch_setup(torch):
    """The same chain in PyTorch; the step returns x.grad as numpy."""
    seq = ops()
    x0, a0, b0, gy0 = _inputs()
    x = torch.tensor(x0, requires_grad=True)
    a = torch.tensor(a0, requires_grad=True)
    b = torch.tensor(b0, requires_grad=True)
    gy = torch.tensor(gy0)
    unary = {name: getattr(torch, name) for name in CYCLE
             if name not in ('mul', 'add', 'sub')}

    def step():
        x.grad = None
        a.grad = None
        b.grad = None
        h = _run(seq, x, a, b, unary)
        h.backward(gy)
        return x.grad.numpy()

    return step
