"""MNIST MLP (the v5 train_mnist example): fwd + bwd + MomentumSGD step.

784 -> 1000 -> ReLU -> 1000 -> ReLU -> 10, batch 100, wrapped in
``L.Classifier`` (softmax cross entropy + accuracy) and updated by
``MomentumSGD(lr=0.01, momentum=0.9)``. PyTorch gets the chainer model's
initial weights, the same data and ``torch.optim.SGD(momentum=0.9)``,
which for a constant learning rate is the same update. Reported per step
in milliseconds.
"""

import numpy

NAME = 'mlp'
DESCRIPTION = 'MNIST MLP 784-1000-1000-10 fwd+bwd+MomentumSGD, batch 100'
UNIT = 'ms/step'
# The runner reports 1e6 * seconds / UNITS_PER_STEP: this gives ms.
UNITS_PER_STEP = 1000
BATCH, IN, HIDDEN, OUT = 100, 784, 1000, 10
LR, MOMENTUM = 0.01, 0.9


def _data():
    rng = numpy.random.RandomState(1)
    x = rng.uniform(0, 1, (BATCH, IN)).astype(numpy.float32)
    t = rng.randint(0, OUT, BATCH).astype(numpy.int32)
    return x, t


def _chainer_model():
    import chainer
    import chainer.functions as F
    import chainer.links as L

    class MLP(chainer.Chain):
        def __init__(self):
            super(MLP, self).__init__()
            with self.init_scope():
                self.l1 = L.Linear(IN, HIDDEN)
                self.l2 = L.Linear(HIDDEN, HIDDEN)
                self.l3 = L.Linear(HIDDEN, OUT)

        def forward(self, x):
            h1 = F.relu(self.l1(x))
            h2 = F.relu(self.l2(h1))
            return self.l3(h2)

    numpy.random.seed(0)  # chainer's default initializers draw from numpy
    return L.Classifier(MLP())


def _result(loss, l3_grad):
    # The loss and the last layer's gradient both depend on every layer.
    return numpy.concatenate([numpy.ravel(loss), numpy.ravel(l3_grad)])


def chainer_setup():
    import chainer

    model = _chainer_model()
    optimizer = chainer.optimizers.MomentumSGD(lr=LR, momentum=MOMENTUM)
    optimizer.setup(model)
    x, t = _data()

    def step():
        # The example's updater: cleargrads, forward, backward, update.
        optimizer.update(model, x, t)
        return _result(model.loss.array, model.predictor.l3.W.grad)

    return step


def torch_setup(torch):
    import torch.nn.functional as TF

    src = _chainer_model().predictor
    layers = [torch.nn.Linear(IN, HIDDEN), torch.nn.Linear(HIDDEN, HIDDEN),
              torch.nn.Linear(HIDDEN, OUT)]
    with torch.no_grad():
        for dst, link in zip(layers, [src.l1, src.l2, src.l3]):
            dst.weight.copy_(torch.from_numpy(link.W.array))
            dst.bias.copy_(torch.from_numpy(link.b.array))
    model = torch.nn.Sequential(layers[0], torch.nn.ReLU(), layers[1],
                                torch.nn.ReLU(), layers[2])
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    x0, t0 = _data()
    x = torch.from_numpy(x0)
    t = torch.from_numpy(t0.astype(numpy.int64))

    def step():
        optimizer.zero_grad()
        y = model(x)
        loss = TF.cross_entropy(y, t)
        # L.Classifier also computes the accuracy on every call.
        (y.argmax(1) == t).float().mean()
        loss.backward()
        optimizer.step()
        return _result(loss.detach().numpy(), layers[2].weight.grad.numpy())

    return step
