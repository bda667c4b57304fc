import warnings

import numpy
import pytest

from chainermn.communicators import mpi_communicator_base

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]

DTYPES = [numpy.float16, numpy.float32, numpy.float64, numpy.int32,
          numpy.int64, numpy.bool_, numpy.uint8]


def _array(seed, shape, dtype):
    rng = numpy.random.RandomState(seed)
    return (rng.uniform(-10, 10, shape)).astype(dtype)


def test_properties(comm):
    assert isinstance(comm, mpi_communicator_base.MpiCommunicatorBase)
    assert comm.rank == comm.mpi_comm.rank
    assert comm.size == comm.mpi_comm.size
    # All ranks of these tests run on one machine.
    assert (comm.intra_rank, comm.intra_size) == (comm.rank, comm.size)
    assert (comm.inter_rank, comm.inter_size) == (0, 1)


@pytest.mark.parametrize('dtype', DTYPES)
def test_send_recv(comm2, dtype):
    x = _array(0, (2, 3), dtype)
    y = _array(1, (), dtype)
    if comm2.rank == 0:
        comm2.send(x, dest=1, tag=3)
        comm2.send((x, y, x[:, 1]), dest=1, tag=4)
        got = comm2.recv(source=1, tag=5)
        numpy.testing.assert_array_equal(got, x * 0 + 1)
    elif comm2.rank == 1:
        got = comm2.recv(source=0, tag=3)
        assert got.dtype == numpy.dtype(dtype) and got.shape == (2, 3)
        numpy.testing.assert_array_equal(got, x)
        a, b, c = comm2.recv(source=0, tag=4)
        numpy.testing.assert_array_equal(a, x)
        assert b.shape == () and b == y
        numpy.testing.assert_array_equal(c, x[:, 1])
        comm2.send(numpy.ones((2, 3), dtype), dest=0, tag=5)


def test_send_rejects_non_arrays(comm):
    with pytest.raises(TypeError):
        comm.send([1, 2], dest=comm.rank, tag=0)


@pytest.mark.parametrize('root', [0, 1])
def test_bcast(comm, root):
    root = root % comm.size
    x = _array(2, (3, 4), numpy.float32)
    y = comm.bcast(x if comm.rank == root else None, root=root)
    numpy.testing.assert_array_equal(y, x)
    if comm.rank == root:
        assert y is x


def test_bcast_second_positional_is_root(comm):
    # v5's implementation is bcast(x, root=0); its own Bcast function
    # passes the root positionally.
    root = comm.size - 1
    x = numpy.full(3, comm.rank, numpy.int32)
    y = comm.bcast(x, root)
    numpy.testing.assert_array_equal(y, numpy.full(3, root))
    y = comm.bcast(x, root=0, max_buf_len=10)
    numpy.testing.assert_array_equal(y, numpy.zeros(3))


def test_gather_different_shapes(comm):
    x = numpy.arange(comm.rank + 1, dtype=numpy.float64) + 10 * comm.rank
    ys = comm.gather(x, root=0)
    if comm.rank == 0:
        assert len(ys) == comm.size
        for r, y in enumerate(ys):
            numpy.testing.assert_array_equal(
                y, numpy.arange(r + 1) + 10 * r)
    else:
        assert ys is None


def test_allgather(comm):
    x = numpy.full((comm.rank + 1, 2), comm.rank, numpy.int64)
    ys = comm.allgather(x)
    assert len(ys) == comm.size
    for r, y in enumerate(ys):
        numpy.testing.assert_array_equal(y, numpy.full((r + 1, 2), r))


def test_alltoall(comm):
    xs = [numpy.full((2, dst + 1), 100 * comm.rank + dst, numpy.float32)
          for dst in range(comm.size)]
    ys = comm.alltoall(xs)
    for src, y in enumerate(ys):
        numpy.testing.assert_array_equal(
            y, numpy.full((2, comm.rank + 1), 100 * src + comm.rank))
    with pytest.raises(ValueError):
        comm.alltoall(xs + xs)


def test_scatter_tuple_and_array(comm):
    parts = tuple(numpy.arange(r + 2, dtype=numpy.float32)
                  for r in range(comm.size))
    y = comm.scatter(parts if comm.rank == 0 else None, root=0)
    numpy.testing.assert_array_equal(y, numpy.arange(comm.rank + 2))
    arr = numpy.arange(comm.size * 3).reshape(comm.size, 3)
    y = comm.scatter(arr if comm.rank == 0 else None)
    numpy.testing.assert_array_equal(y, arr[comm.rank])


def test_scatter_wrong_length(comm):
    if comm.rank == 0:
        with pytest.raises(ValueError):
            comm.scatter(numpy.zeros((comm.size + 1, 2)))


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64, numpy.int32])
def test_allreduce(comm, dtype):
    x = numpy.arange(6).reshape(2, 3).astype(dtype) + comm.rank
    y = comm.allreduce(x)
    expected = sum(numpy.arange(6).reshape(2, 3) + r
                   for r in range(comm.size))
    assert y.dtype == numpy.dtype(dtype) and y is not x
    numpy.testing.assert_array_equal(y, expected)


def test_allreduce_shape_mismatch_raises_on_all_ranks(comm2):
    x = numpy.zeros(3 + comm2.rank, numpy.float32)
    with pytest.raises(ValueError, match='different arrays'):
        comm2.allreduce(x)


def test_obj_api(comm):
    obj = {'rank': comm.rank, 'data': list(range(comm.rank))}
    assert comm.bcast_obj(obj, root=comm.size - 1)['rank'] == comm.size - 1
    gathered = comm.gather_obj(obj)
    if comm.rank == 0:
        assert [g['rank'] for g in gathered] == list(range(comm.size))
    else:
        assert gathered is None
    total = comm.size * (comm.size + 1) // 2
    assert comm.allreduce_obj(comm.rank + 1) == total
    assert comm.allgather_obj(comm.rank) == list(range(comm.size))
    if comm.size > 1:
        if comm.rank == 0:
            comm.send_obj(('hello', 7), dest=1, tag=9)
        elif comm.rank == 1:
            assert comm.recv_obj(source=0, tag=9) == ('hello', 7)


def test_chunked_bcast_obj(comm):
    big = numpy.random.RandomState(0).bytes(10000)
    got = comm.bcast_obj(big if comm.rank == 0 else None, max_buf_len=333)
    assert got == big


def test_split_keeps_class(comm):
    sub = comm.split(0, comm.size - comm.rank)
    assert type(sub) is type(comm)
    assert sub.rank == comm.size - 1 - comm.rank


def test_send_is_experimental(comm2):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        if comm2.rank == 0:
            comm2.send(numpy.zeros(1), dest=1, tag=0)
        elif comm2.rank == 1:
            comm2.recv(source=0, tag=0)
    if comm2.rank < 2:
        assert any(issubclass(x.category, FutureWarning) for x in w)
