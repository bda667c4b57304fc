"""LeNet-style convnet: forward + backward + SGD step, batch 64, 1x28x28.

conv(1->20, 5x5) -> max pool 2 -> relu -> conv(20->50, 5x5) -> max pool 2
-> relu -> linear(800->500) -> relu -> linear(500->10) -> softmax cross
entropy, then a plain SGD update of all parameters. Both frameworks use
the same initial weights and data; reported per step in milliseconds.
"""

import numpy

NAME = 'convnet'
DESCRIPTION = 'LeNet fwd+bwd+SGD, batch 64, 1x28x28 float32'
UNIT = 'ms/step'
# The runner reports 1e6 * seconds / UNITS_PER_STEP: this gives ms.
UNITS_PER_STEP = 1000
BATCH = 64
LR = 0.01


def _params():
    rng = numpy.random.RandomState(0)

    def w(*shape):
        fan_in = numpy.prod(shape[1:])
        return (rng.standard_normal(shape) / numpy.sqrt(fan_in)).astype(
            numpy.float32)
    return [w(20, 1, 5, 5), numpy.zeros(20, numpy.float32),
            w(50, 20, 5, 5), numpy.zeros(50, numpy.float32),
            w(500, 800), numpy.zeros(500, numpy.float32),
            w(10, 500), numpy.zeros(10, numpy.float32)]


def _data():
    rng = numpy.random.RandomState(1)
    x = rng.uniform(0, 1, (BATCH, 1, 28, 28)).astype(numpy.float32)
    t = rng.randint(0, 10, BATCH).astype(numpy.int32)
    return x, t


def _has_sce():
    import chainer.functions as F
    return hasattr(F, 'softmax_cross_entropy') and hasattr(F, 'relu')


def chainer_setup():
    import chainer
    import chainer.functions as F

    params = [chainer.Parameter(p.copy()) for p in _params()]
    x, t = _data()
    use_sce = _has_sce()
    relu = F.relu if use_sce else (lambda h: h)

    def step():
        for p in params:
            p.cleargrad()
        c1w, c1b, c2w, c2b, l1w, l1b, l2w, l2b = params
        h = relu(F.max_pooling_2d(F.convolution_2d(x, c1w, c1b), 2))
        h = relu(F.max_pooling_2d(F.convolution_2d(h, c2w, c2b), 2))
        h = relu(F.linear(h, l1w, l1b))
        y = F.linear(h, l2w, l2b)
        if use_sce:
            loss = F.softmax_cross_entropy(y, t)
        else:
            loss = F.sum(y * y) * (0.5 / BATCH)
        loss.backward()
        for p in params:
            p.array -= LR * p.grad
        return params[0].array.copy()

    return step


def torch_setup(torch):
    import torch.nn.functional as TF

    params = [torch.tensor(p.copy(), requires_grad=True) for p in _params()]
    x0, t0 = _data()
    x = torch.from_numpy(x0)
    t = torch.from_numpy(t0.astype(numpy.int64))
    use_sce = _has_sce()
    relu = torch.relu if use_sce else (lambda h: h)

    def step():
        for p in params:
            p.grad = None
        c1w, c1b, c2w, c2b, l1w, l1b, l2w, l2b = params
        h = relu(TF.max_pool2d(TF.conv2d(x, c1w, c1b), 2))
        h = relu(TF.max_pool2d(TF.conv2d(h, c2w, c2b), 2))
        h = relu(TF.linear(h.reshape(BATCH, -1), l1w, l1b))
        y = TF.linear(h, l2w, l2b)
        if use_sce:
            loss = TF.cross_entropy(y, t)
        else:
            loss = (y * y).sum() * (0.5 / BATCH)
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= LR * p.grad
        return params[0].detach().numpy().copy()

    return step
