"""softmax_cross_entropy on a (100, 1000) float32 batch, forward+backward.

100 samples, 1000 classes, int32 labels; the step computes the mean loss,
backpropagates it and returns the gradient of the scores. Reported in
microseconds per step.
"""

import numpy

NAME = 'softmax_cross_entropy'
DESCRIPTION = 'fwd+bwd, softmax_cross_entropy, (100, 1000) float32'
UNIT = 'us/step'
UNITS_PER_STEP = 1
SHAPE = (100, 1000)


def _inputs():
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-3, 3, SHAPE).astype(numpy.float32)
    t = rng.randint(0, SHAPE[1], SHAPE[0]).astype(numpy.int32)
    return x, t


def chainer_setup():
    """Returns a step function: one forward+backward; it returns x.grad."""
    import chainer
    import chainer.functions as F

    x0, t = _inputs()
    x = chainer.Variable(x0)

    def step():
        x.cleargrad()
        loss = F.softmax_cross_entropy(x, t)
        loss.backward()
        return x.grad

    return step


def torch_setup(torch):
    """The same loss in PyTorch; the step returns x.grad as numpy."""
    x0, t0 = _inputs()
    x = torch.tensor(x0, requires_grad=True)
    t = torch.tensor(t0.astype(numpy.int64))

    def step():
        x.grad = None
        loss = torch.nn.functional.cross_entropy(x, t)
        loss.backward()
        return x.grad.numpy()

    return step
