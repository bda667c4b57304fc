import numpy
import pytest

from chainermn.communicators import _communication_utility as util

pytestmark = pytest.mark.mpi


def test_init_ranks(comm):
    rank, intra_rank, intra_size, inter_rank, inter_size = util.init_ranks(
        comm.mpi_comm)
    assert rank == comm.rank
    assert (intra_rank, intra_size, inter_rank, inter_size) == (
        comm.rank, comm.size, 0, 1)


@pytest.mark.parametrize('max_buf_len', [None, 1, 7, 10 ** 6])
def test_chunked_bcast_obj(comm, max_buf_len):
    obj = {'x': numpy.arange(50), 's': 'abc' * 10}
    got = util.chunked_bcast_obj(obj if comm.rank == 0 else None,
                                 comm.mpi_comm, max_buf_len)
    numpy.testing.assert_array_equal(got['x'], obj['x'])
    assert got['s'] == obj['s']


def test_chunked_bcast_obj_rejects_bad_length(comm):
    with pytest.raises(ValueError):
        util.chunked_bcast_obj(1, comm.mpi_comm, 0)


def test_layout_mismatch(comm):
    assert not util.layout_mismatch(comm.mpi_comm, 12345)
    differs = util.layout_mismatch(comm.mpi_comm, 100 + comm.rank)
    assert differs == (comm.size > 1)
