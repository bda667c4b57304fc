import numpy
import pytest

import chainer
import chainer.functions as F
import chainermn.functions as MF

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]


def _x(rank, shape=(2, 3)):
    return numpy.arange(numpy.prod(shape), dtype='f').reshape(shape) + \
        10 * rank


def test_bcast(comm):
    root = comm.size - 1
    x = chainer.Variable(_x(99)) if comm.rank == root else None
    y = MF.bcast(comm, x, root=root)
    numpy.testing.assert_array_equal(y.array, _x(99))
    F.sum(y * (comm.rank + 1)).backward()  # gradients sum up at root
    if comm.rank == root:
        total = sum(r + 1 for r in range(comm.size))
        numpy.testing.assert_array_equal(x.grad, numpy.full((2, 3), total))


def test_gather(comm):
    x = chainer.Variable(_x(comm.rank))
    ys = MF.gather(comm, x, root=0)
    if comm.rank == 0:
        assert len(ys) == comm.size
        for r, y in enumerate(ys):
            numpy.testing.assert_array_equal(y.array, _x(r))
        loss = sum(F.sum(y * (r + 1)) for r, y in enumerate(ys))
        loss.backward()
    else:
        assert ys.shape == (0,)
        ys.backward()
    numpy.testing.assert_array_equal(x.grad,
                                     numpy.full((2, 3), comm.rank + 1))


def test_scatter(comm):
    if comm.rank == 0:
        xs = [chainer.Variable(_x(r)) for r in range(comm.size)]
    else:
        xs = None
    y = MF.scatter(comm, xs, root=0)
    numpy.testing.assert_array_equal(y.array, _x(comm.rank))
    F.sum(y * y).backward()
    if comm.rank == 0:
        for r, x in enumerate(xs):
            numpy.testing.assert_array_equal(x.grad, 2 * _x(r))


def test_allgather(comm):
    x = chainer.Variable(_x(comm.rank))
    ys = MF.allgather(comm, x)
    assert len(ys) == comm.size
    for r, y in enumerate(ys):
        numpy.testing.assert_array_equal(y.array, _x(r))
    # loss on rank k: sum_r (k + 1) * sum(y_r): every x gets sum_k (k + 1)
    loss = sum(F.sum(y) for y in ys) * (comm.rank + 1)
    loss.backward()
    total = sum(k + 1 for k in range(comm.size))
    numpy.testing.assert_array_equal(x.grad, numpy.full((2, 3), total))


def test_alltoall(comm):
    xs = [chainer.Variable(_x(100 * comm.rank + d)) for d in range(comm.size)]
    ys = MF.alltoall(comm, xs)
    for src, y in enumerate(ys):
        numpy.testing.assert_array_equal(y.array, _x(100 * src + comm.rank))
    loss = sum(F.sum(y) * (src + 1) for src, y in enumerate(ys)) * (
        comm.rank + 1)
    loss.backward()
    for d, x in enumerate(xs):
        # x went to rank d, whose loss weighs it (rank + 1) * (d + 1)
        numpy.testing.assert_array_equal(
            x.grad, numpy.full((2, 3), (comm.rank + 1) * (d + 1)))
    with pytest.raises(ValueError):
        MF.alltoall(comm, xs + xs)
