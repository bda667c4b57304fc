"""Per-op autograd overhead: a chain of small elementwise ops.

Forward and backward through N = 100 elementwise ops (+, *, - and, when
chainer.functions has them, sin and exp) on 10-element float32 arrays.
The arrays are so small that the arithmetic is free: what is measured is
the framework's bookkeeping per op (graph nodes, dispatch, gradient
accumulation). Reported in microseconds per op (forward + backward).
"""

import numpy

NAME = 'op_overhead'
DESCRIPTION = 'fwd+bwd, chain of 100 elementwise ops, 10 x float32'
UNIT = 'us/op'
N_OPS = 100
SIZE = 10
# Each step runs N_OPS ops; the runner divides the step time by this.
UNITS_PER_STEP = N_OPS


def _chainer_unary():
    """The unary ops that exist in chainer.functions, by name."""
    import chainer.functions as F
    found = []
    for name in ('sin', 'exp'):
        try:
            getattr(F, name)
        except AttributeError:
            continue
        found.append(name)
    return found


def _op_sequence(unary):
    # The cycle keeps values bounded: b is close to 1, sin maps to [-1, 1]
    # and exp follows sin, so 100 ops neither overflow nor vanish.
    cycle = ['add', 'mul', 'sin', 'sub', 'exp', 'mul']
    cycle = [op for op in cycle if op not in ('sin', 'exp') or op in unary]
    return [cycle[i % len(cycle)] for i in range(N_OPS)]


def _inputs():
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, SIZE).astype(numpy.float32)
    a = rng.uniform(-0.5, 0.5, SIZE).astype(numpy.float32)
    b = rng.uniform(0.9, 1.1, SIZE).astype(numpy.float32)
    return x, a, b


def ops():
    """The op names both frameworks run, in order."""
    return _op_sequence(_chainer_unary())


def note():
    seq = ops()
    return '%d ops cycling %s' % (len(seq), ', '.join(_cycle(seq)))


def _cycle(seq):
    # The shortest prefix that, repeated, gives the whole sequence.
    for n in range(1, len(seq) + 1):
        if all(seq[i] == seq[i % n] for i in range(len(seq))):
            return seq[:n]
    return seq


def _run(seq, h, a, b, unary):
    # The chain itself, the same code for both frameworks.
    for op in seq:
        if op == 'add':
            h = h + a
        elif op == 'mul':
            h = h * b
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
    x0, a0, b0 = _inputs()
    x = chainer.Variable(x0)
    a = chainer.Variable(a0)
    b = chainer.Variable(b0)
    gy = numpy.ones(SIZE, numpy.float32)
    unary = {'sin': getattr(F, 'sin', None), 'exp': getattr(F, 'exp', None)}

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
    x0, a0, b0 = _inputs()
    x = torch.tensor(x0, requires_grad=True)
    a = torch.tensor(a0, requires_grad=True)
    b = torch.tensor(b0, requires_grad=True)
    gy = torch.ones(SIZE, dtype=torch.float32)
    unary = {'sin': torch.sin, 'exp': torch.exp}

    def step():
        x.grad = None
        a.grad = None
        b.grad = None
        h = _run(seq, x, a, b, unary)
        h.backward(gy)
        return x.grad.numpy()

    return step
