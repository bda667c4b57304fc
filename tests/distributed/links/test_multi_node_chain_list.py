import numpy
import pytest

import chainer
import chainer.functions as F
import chainer.links as L
import chainermn

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]


def _layers():
    numpy.random.seed(0)  # the same weights on every rank
    return L.Linear(3, 4), L.Linear(4, 2)


def _reference(x):
    a, b = _layers()
    loss = F.sum(b(F.tanh(a(x))) ** 2)
    a.cleargrads()
    b.cleargrads()
    loss.backward()
    return a, b, loss


class _Tanh(chainer.Chain):

    def __init__(self, link):
        super(_Tanh, self).__init__()
        with self.init_scope():
            self.link = link

    def forward(self, x):
        return F.tanh(self.link(x))


def test_two_ranks(comm2):
    x = numpy.random.RandomState(1).randn(5, 3).astype('f')
    a, b = _layers()
    model = chainermn.MultiNodeChainList(comm2)
    if comm2.rank == 0:
        model.add_link(_Tanh(a), rank_in=None, rank_out=1)
    elif comm2.rank == 1:
        model.add_link(b, rank_in=0, rank_out=None)
    if comm2.rank > 1:
        return
    model.cleargrads()
    out = model(x if comm2.rank == 0 else None)
    if comm2.rank == 0:
        assert out.shape == (0,)  # a delegate variable
        out.backward()
    else:
        loss = F.sum(out ** 2)
        loss.backward()
    ra, rb, _ = _reference(x)
    mine, ref = (a, ra) if comm2.rank == 0 else (b, rb)
    numpy.testing.assert_allclose(mine.W.grad, ref.W.grad, rtol=1e-5)
    numpy.testing.assert_allclose(mine.b.grad, ref.b.grad, rtol=1e-5)


def test_send_to_itself(comm):
    x = numpy.random.RandomState(2).randn(5, 3).astype('f')
    a, b = _layers()
    model = chainermn.MultiNodeChainList(comm)
    model.add_link(_Tanh(a), rank_in=None, rank_out=comm.rank)
    model.add_link(b, rank_in=comm.rank, rank_out=None)
    model.cleargrads()
    loss = F.sum(model(x) ** 2)
    loss.backward()
    ra, rb, ref_loss = _reference(x)
    numpy.testing.assert_allclose(loss.array, ref_loss.array, rtol=1e-6)
    numpy.testing.assert_allclose(a.W.grad, ra.W.grad, rtol=1e-5)
    numpy.testing.assert_allclose(b.W.grad, rb.W.grad, rtol=1e-5)


def test_errors(comm):
    model = chainermn.MultiNodeChainList(comm)
    model.add_link(L.Linear(2, 2))
    with pytest.raises(ValueError, match='rank_out'):
        model.add_link(L.Linear(2, 2))
    dangling = chainermn.MultiNodeChainList(comm)
    dangling.add_link(L.Linear(2, 2), rank_out=comm.rank)  # never read
    with pytest.raises(ValueError, match='queue is not empty'):
        dangling(numpy.zeros((1, 2), 'f'))
