"""Fixtures shared by the chainer-training tests: a tiny MLP classifier
built from core pieces and a linearly separable data set."""
import numpy
import pytest

import chainer
import chainer.functions as F


class _MLP(chainer.Chain):

    """Two-layer perceptron that reports its loss and accuracy."""

    def __init__(self, n_in, n_hidden, n_out, seed):
        super(_MLP, self).__init__()
        rng = numpy.random.RandomState(seed)
        with self.init_scope():
            self.W1 = chainer.Parameter(rng.normal(
                0, 1 / numpy.sqrt(n_in), (n_hidden, n_in)).astype('f'))
            self.b1 = chainer.Parameter(numpy.zeros(n_hidden, 'f'))
            self.W2 = chainer.Parameter(rng.normal(
                0, 1 / numpy.sqrt(n_hidden), (n_out, n_hidden)).astype('f'))
            self.b2 = chainer.Parameter(numpy.zeros(n_out, 'f'))

    def predict(self, x):
        h = F.relu(F.linear(x, self.W1, self.b1))
        return F.linear(h, self.W2, self.b2)

    def forward(self, x, t):
        y = self.predict(x)
        loss = F.softmax_cross_entropy(y, t)
        chainer.report({'loss': loss, 'accuracy': F.accuracy(y, t)}, self)
        return loss


@pytest.fixture
def make_mlp():
    """Returns ``make_mlp(n_in=2, n_hidden=8, n_out=2, seed=0)``."""
    def make(n_in=2, n_hidden=8, n_out=2, seed=0):
        return _MLP(n_in, n_hidden, n_out, seed)
    return make


@pytest.fixture
def separable_data():
    """Returns ``make(n, seed)``: a TupleDataset of 2-d points, label
    ``x0 + x1 > 0``, kept away from the boundary."""
    from chainer.datasets import TupleDataset

    def make(n=64, seed=0):
        rng = numpy.random.RandomState(seed)
        x = rng.uniform(-1, 1, (n, 2)).astype(numpy.float32)
        side = numpy.where(x.sum(axis=1) > 0, 1, -1).astype(numpy.float32)
        # Moves every point 0.25 * sqrt(2) away from the boundary.
        x += 0.25 * side[:, None]
        t = (side > 0).astype(numpy.int32)
        return TupleDataset(x, t)
    return make
