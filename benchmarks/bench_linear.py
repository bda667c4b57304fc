"""linear on (100, 1000): forward + backward of y = x W^T + b.

x is (100, 1000), W (1000, 1000), b (1000,); the loss is sum(y), so the
backward pass computes gx, gW and gb. Reported in microseconds per step.
"""

import numpy

NAME = 'linear'
DESCRIPTION = 'linear fwd+bwd, x (100, 1000), W (1000, 1000) float32'
UNIT = 'us/step'
UNITS_PER_STEP = 1
N, IN, OUT = 100, 1000, 1000


def _data():
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (N, IN)).astype(numpy.float32)
    W = rng.uniform(-0.03, 0.03, (OUT, IN)).astype(numpy.float32)
    b = rng.uniform(-1, 1, OUT).astype(numpy.float32)
    return x, W, b


def chainer_setup():
    import chainer
    import chainer.functions as F

    x0, W0, b0 = _data()
    x = chainer.Variable(x0)
    W = chainer.Parameter(W0)
    b = chainer.Parameter(b0)
    gy = numpy.ones((N, OUT), numpy.float32)

    def step():
        x.cleargrad()
        W.cleargrad()
        b.cleargrad()
        y = F.linear(x, W, b)
        y.grad = gy
        y.backward()
        return W.grad

    return step


def torch_setup(torch):
    x0, W0, b0 = _data()
    x = torch.tensor(x0, requires_grad=True)
    W = torch.tensor(W0, requires_grad=True)
    b = torch.tensor(b0, requires_grad=True)
    gy = torch.ones(N, OUT)

    def step():
        x.grad = None
        W.grad = None
        b.grad = None
        y = torch.nn.functional.linear(x, W, b)
        y.backward(gy)
        return W.grad.numpy()

    return step
