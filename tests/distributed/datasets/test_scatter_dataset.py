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
    with pytest.warns(DeprecationWarning):
        n = sd.get_n_iterations_for_one_epoch(list(range(10)), 3, comm)
    assert n == -(-10 // (3 * comm.size))
    with pytest.warns(DeprecationWarning):
        assert sd.get_epoch_trigger(2, list(range(10)), 3, comm) == (
            2 * n, 'iteration')
