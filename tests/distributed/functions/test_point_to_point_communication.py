import numpy
import pytest

import chainer
import chainer.functions as F
import chainermn.functions

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]


def test_self_rank_is_rejected(comm):
    x = chainer.Variable(numpy.zeros(2, 'f'))
    with pytest.raises(ValueError, match='deadlock'):
        chainermn.functions.send(x, comm, rank=comm.rank)
    with pytest.raises(ValueError, match='deadlock'):
        chainermn.functions.recv(comm, rank=comm.rank)


@pytest.mark.parametrize('as_tuple', [False, True])
def test_send_recv_forward_backward(comm2, as_tuple):
    # rank 0: y = 2 * x, sent to rank 1; rank 1: loss = sum(y ** 2).
    x0 = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    if comm2.rank == 0:
        x = chainer.Variable(x0)
        h = 2 * x
        phi = chainermn.functions.send((h, h * 3) if as_tuple else h,
                                       comm2, rank=1)
        assert phi.shape == (0,) and phi.name == 'delegate_variable'
        phi.backward()
        # d/dx sum((2x)^2 [+ (6x)^2]) = 8x [+ 72x]
        expected = 8 * x0 + (72 * x0 if as_tuple else 0)
        numpy.testing.assert_allclose(x.grad, expected)
    elif comm2.rank == 1:
        got = chainermn.functions.recv(comm2, rank=0, force_tuple=as_tuple)
        if as_tuple:
            assert len(got) == 2
            numpy.testing.assert_allclose(got[1].array, 6 * x0)
            loss = F.sum(got[0] ** 2) + F.sum(got[1] ** 2)
        else:
            numpy.testing.assert_allclose(got.array, 2 * x0)
            loss = F.sum(got ** 2)
        loss.backward()


def test_unused_received_variable_still_answers(comm2):
    # A received value outside the loss: zeros go back, nobody hangs.
    if comm2.rank == 0:
        x = chainer.Variable(numpy.ones(3, 'f'))
        phi = chainermn.functions.send((x * 1, x * 2), comm2, rank=1)
        phi.backward()
        numpy.testing.assert_allclose(x.grad, numpy.full(3, 2.0))
    elif comm2.rank == 1:
        a, b = chainermn.functions.recv(comm2, rank=0)
        F.sum(a * 2).backward()  # b unused


def test_chained_with_delegate(comm2):
    # rank 0 sends x to 1, receives f(x) back, loss there.
    if comm2.rank == 0:
        x = chainer.Variable(numpy.array([1., 2.], 'f'))
        phi = chainermn.functions.send(x * 1, comm2, rank=1)
        y = chainermn.functions.recv(comm2, rank=1, delegate_variable=phi)
        F.sum(y * y).backward()
        # y = 3x => d sum(9x^2) = 18x
        numpy.testing.assert_allclose(x.grad, [18., 36.])
    elif comm2.rank == 1:
        h = chainermn.functions.recv(comm2, rank=0)
        phi = chainermn.functions.send(3 * h, comm2, rank=0)
        phi.backward()
