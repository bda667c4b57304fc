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


class _Recorder(chainer.Chain):

    """Applies a link and remembers the inputs it was called with."""

    def __init__(self, link):
        super(_Recorder, self).__init__()
        with self.init_scope():
            self.link = link
        self.seen = []

    def forward(self, x):
        self.seen.append(x)
        return self.link(x)


def _creator_name(v):
    return type(v.creator_node).__name__ if v.creator_node else None


def test_later_component_on_the_inputs_waits_for_the_earlier_one(comm2):
    # v5's NonConnectedGraph2: rank 0 outputs A(recv from 1) first, then
    # sends B(x) to 1; rank 1 sends D(x) to 0, then outputs E(recv from 0).
    rng = numpy.random.RandomState(3)
    x0 = rng.randn(2, 3).astype('f')
    x1 = rng.randn(2, 3).astype('f')
    numpy.random.seed(5)
    a, b, d, e = (L.Linear(3, 3) for _ in range(4))
    if comm2.rank > 1:
        return
    model = chainermn.MultiNodeChainList(comm2)
    if comm2.rank == 0:
        rb = _Recorder(b)
        model.add_link(a, rank_in=1, rank_out=None)
        model.add_link(rb, rank_in=None, rank_out=1)
        out = model(x0)
        # As in v5, B's input is tied to the output of A first.
        assert _creator_name(rb.seen[0]) == 'PseudoConnect'
    else:
        model.add_link(d, rank_in=None, rank_out=0)
        model.add_link(e, rank_in=0, rank_out=None)
        out = model(x1)
    model.cleargrads()
    F.sum(out ** 2).backward()

    numpy.random.seed(5)
    ra, rb_, rd, re = (L.Linear(3, 3) for _ in range(4))
    for link in (ra, rb_, rd, re):
        link.cleargrads()  # v5 starts a new link with NaN gradients
    loss = F.sum(ra(rd(x1)) ** 2) + F.sum(re(rb_(x0)) ** 2)
    loss.backward()
    pairs = [(a, ra), (b, rb_)] if comm2.rank == 0 else [(d, rd), (e, re)]
    for mine, ref in pairs:
        numpy.testing.assert_allclose(mine.W.grad, ref.W.grad, rtol=1e-5)
        numpy.testing.assert_allclose(mine.b.grad, ref.b.grad, rtol=1e-5)


def test_received_values_are_not_tied_twice(comm):
    # After a component that received, v5 forgets the delegate: its
    # output goes into the local queue as it is.
    a, b = _layers()
    c = L.Linear(2, 2)
    last = _Recorder(c)
    model = chainermn.MultiNodeChainList(comm)
    model.add_link(a, rank_in=None, rank_out=comm.rank)
    model.add_link(b, rank_in=comm.rank, rank_out=comm.rank)
    model.add_link(last, rank_in=comm.rank, rank_out=None)
    x = numpy.random.RandomState(4).randn(5, 3).astype('f')
    out = model(x)
    received = last.seen[0]
    assert _creator_name(received) == 'PseudoConnect'
    queued = received.creator_node.inputs[1]
    assert _creator_name(queued) != 'PseudoConnect'
    model.cleargrads()
    F.sum(out ** 2).backward()
    ra, rb = _layers()
    rc = L.Linear(2, 2)
    rc.W.array[...] = c.W.array
    rc.b.array[...] = c.b.array
    for link in (ra, rb, rc):
        link.cleargrads()
    F.sum(rc(rb(ra(x))) ** 2).backward()
    numpy.testing.assert_allclose(a.W.grad, ra.W.grad, rtol=1e-5)
    numpy.testing.assert_allclose(c.W.grad, rc.W.grad, rtol=1e-5)
