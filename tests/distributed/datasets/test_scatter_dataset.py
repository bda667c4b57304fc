import importlib

import numpy
import pytest

import chainermn

# The package re-exports the function under the module's name.
sd = importlib.import_module('chainermn.datasets.scatter_dataset')


def test_shards_have_equal_length_v5_layout():
    assert [sd._shard(10, 3, i) for i in range(3)] == [
        (0, 4), (3, 7), (6, 10)]
    for n in (0, 1, 2, 7, 60000):
        for size in (1, 2, 3, 7, 16):
            shards = [sd._shard(n, size, i) for i in range(size)]
            lengths = {e - b for b, e in shards}
            assert lengths == {-(-n // size)}
            assert shards[-1][1] == n and shards[0][0] == 0
            covered = set()
            for b, e in shards:
                assert 0 <= b <= e <= n
                covered.update(range(b, e))
            assert covered == set(range(n))


def test_data_size_error_is_runtime_error():
    assert issubclass(chainermn.DataSizeError, RuntimeError)


@pytest.mark.mpi
@pytest.mark.parametrize('shuffle', [False, True])
def test_scatter_dataset(comm, shuffle):
    data = list(range(11))
    sub = chainermn.scatter_dataset(data if comm.rank == 0 else None, comm,
                                    shuffle=shuffle, seed=3)
    n_sub = -(-11 // comm.size)
    assert len(sub) == n_sub
    mine = [sub[i] for i in range(len(sub))]
    everything = comm.allgather_obj(mine)
    assert set(sum(everything, [])) == set(data)
    if shuffle:
        order = numpy.random.RandomState(3).permutation(11)
        b, e = sd._shard(11, comm.size, comm.rank)
        assert mine == [data[i] for i in order[b:e]]
    else:
        b, _ = sd._shard(11, comm.size, comm.rank)
        assert mine[0] == b


@pytest.mark.mpi
def test_root_and_raw_mpi_comm(comm):
    root = comm.size - 1
    data = [('x', i) for i in range(5)]
    sub = chainermn.scatter_dataset(data if comm.rank == root else None,
                                    comm.mpi_comm, root=root,
                                    max_buf_len=16)
    b, e = sd._shard(5, comm.size, comm.rank)
    assert [sub[i] for i in range(len(sub))] == data[b:e]


@pytest.mark.mpi
def test_scatter_index(comm):
    assert chainermn.scatter_index(9, comm) == sd._shard(
        9, comm.size, comm.rank)


def test_bad_comm():
    with pytest.raises(TypeError):
        chainermn.scatter_dataset([1], object())


@pytest.mark.mpi
def test_deprecated_helpers(comm):
    # v5 counts the batches of rank 0's shard: ceil(10 / 3) on any size.
    with pytest.warns(DeprecationWarning):
        n = sd.get_n_iterations_for_one_epoch(list(range(10)), 3, comm)
    assert n == 4
    with pytest.warns(DeprecationWarning):
        assert sd.get_epoch_trigger(2, list(range(10)), 3, comm) == (
            8, 'iteration')


def _v5_shard_bounds(n, size):
    # v5: every shard has ceil(n / size) samples, starting at n * i // size.
    n_sub = (n + size - 1) // size
    return [(n * i // size, n * i // size + n_sub) for i in range(size)]


@pytest.mark.mpi
def test_seeded_shuffle_gives_v5_shards(comm):
    # A seeded v5 script gets exactly these samples on each rank.
    data = [('sample', i) for i in range(23)]
    sub = chainermn.scatter_dataset(data if comm.rank == 0 else None, comm,
                                    shuffle=True, seed=17)
    order = numpy.random.RandomState(17).permutation(23)
    b, e = _v5_shard_bounds(23, comm.size)[comm.rank]
    assert [sub[i] for i in range(len(sub))] == [data[j]
                                                 for j in order[b:e]]


def test_v5_shard_bounds_for_three_ranks():
    assert _v5_shard_bounds(10, 3) == [(0, 4), (3, 7), (6, 10)]
    for i, bounds in enumerate(_v5_shard_bounds(60000, 7)):
        assert sd._shard(60000, 7, i) == bounds


def test_shards_without_equal_length_are_disjoint():
    assert [sd._shard(10, 3, i, False) for i in range(3)] == [
        (0, 4), (4, 7), (7, 10)]
    assert [sd._shard(2, 4, i, False) for i in range(4)] == [
        (0, 1), (1, 2), (2, 2), (2, 2)]


@pytest.mark.mpi
def test_force_equal_length_false(comm):
    data = list(range(7))
    sub = chainermn.scatter_dataset(data, comm, force_equal_length=False)
    everything = sum(comm.allgather_obj([sub[i] for i in range(len(sub))]),
                     [])
    assert everything == data  # disjoint, in order, nothing repeated
    b, e = chainermn.scatter_index(7, comm, force_equal_length=False)
    assert e - b == len(sub)


@pytest.mark.mpi
def test_rank_zeros_dataset_wins_over_root(comm2):
    # v5 broadcasts rank 0's dataset whatever root is.
    data = [comm2.rank * 100 + i for i in range(6)]
    sub = chainermn.scatter_dataset(data, comm2, root=1, shuffle=True,
                                    seed=5)
    order = numpy.random.RandomState(5).permutation(6)
    b, e = _v5_shard_bounds(6, comm2.size)[comm2.rank]
    assert [sub[i] for i in range(len(sub))] == [int(j) for j in order[b:e]]


@pytest.mark.mpi
def test_bad_root(comm):
    with pytest.raises(ValueError, match='root'):
        chainermn.scatter_dataset([1, 2], comm, root=comm.size)
