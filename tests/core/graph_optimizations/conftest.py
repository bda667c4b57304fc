"""Small static/dynamic model pairs shared by the static graph tests."""
import types

import numpy
import pytest

import chainer
import chainer.functions as F


class MLP(chainer.Chain):

    """Three-layer perceptron built from F.linear and F.relu."""

    def __init__(self, seed=0, n_in=6, n_hidden=5, n_out=3):
        super(MLP, self).__init__()
        rng = numpy.random.RandomState(seed)
        with self.init_scope():
            self.W1 = chainer.Parameter(
                rng.uniform(-1, 1, (n_hidden, n_in)).astype(numpy.float64))
            self.b1 = chainer.Parameter(
                rng.uniform(-1, 1, n_hidden).astype(numpy.float64))
            self.W2 = chainer.Parameter(
                rng.uniform(-1, 1, (n_hidden, n_hidden)).astype(
                    numpy.float64))
            self.b2 = chainer.Parameter(
                rng.uniform(-1, 1, n_hidden).astype(numpy.float64))
            self.W3 = chainer.Parameter(
                rng.uniform(-1, 1, (n_out, n_hidden)).astype(numpy.float64))

    def forward(self, x):
        h = F.relu(F.linear(x, self.W1, self.b1))
        h = F.relu(F.linear(h, self.W2, self.b2))
        return F.linear(h, self.W3)


class StaticMLP(MLP):

    @chainer.static_graph
    def forward(self, x):
        return super(StaticMLP, self).forward(x)


class ConvNet(chainer.Chain):

    """conv -> relu -> conv -> relu -> linear, on 1x6x6 images."""

    def __init__(self, seed=0):
        super(ConvNet, self).__init__()
        rng = numpy.random.RandomState(seed)

        def p(*shape):
            return chainer.Parameter(
                rng.uniform(-0.5, 0.5, shape).astype(numpy.float64))
        with self.init_scope():
            self.c1 = p(3, 1, 3, 3)
            self.cb1 = p(3)
            self.c2 = p(2, 3, 3, 3)
            self.W = p(4, 2 * 3 * 3)
            self.b = p(4)

    def forward(self, x):
        h = F.relu(F.convolution_2d(x, self.c1, self.cb1, pad=1))
        h = F.relu(F.convolution_2d(h, self.c2, stride=2, pad=1))
        return F.linear(h, self.W, self.b)


class StaticConvNet(ConvNet):

    @chainer.static_graph
    def forward(self, x):
        return super(StaticConvNet, self).forward(x)


def sgd_step(model, x, t, lr=0.1):
    """One training step: returns the loss; updates parameters in place."""
    model.cleargrads()
    y = model(x)
    loss = F.sum((y - t) * (y - t))
    loss.backward()
    for p in model.params():
        p.array -= lr * p.grad
    return float(loss.array)


def assert_same_params(a, b, rtol=1e-10, atol=1e-12):
    pa = dict(a.namedparams())
    pb = dict(b.namedparams())
    assert sorted(pa) == sorted(pb)
    for name in pa:
        numpy.testing.assert_allclose(pa[name].array, pb[name].array,
                                      rtol=rtol, atol=atol, err_msg=name)
        if pa[name].grad is None:
            assert pb[name].grad is None, name
        else:
            numpy.testing.assert_allclose(pa[name].grad, pb[name].grad,
                                          rtol=rtol, atol=atol, err_msg=name)


@pytest.fixture
def rng():
    return numpy.random.RandomState(1)


@pytest.fixture
def sg():
    """The models and helpers above, for the test modules."""
    return types.SimpleNamespace(
        MLP=MLP, StaticMLP=StaticMLP, ConvNet=ConvNet,
        StaticConvNet=StaticConvNet, sgd_step=sgd_step,
        assert_same_params=assert_same_params)
