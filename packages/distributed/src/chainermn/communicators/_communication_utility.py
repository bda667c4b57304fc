"""Rank topology and chunked object broadcast shared by communicators."""
import pickle

import numpy

from chainermn import _mpi

# Pickled objects larger than this go out in several Bcast calls; a single
# call was limited to INT_MAX bytes by older MPI implementations.
DEFAULT_MAX_BUF_LEN = 256 * 1024 * 1024


def init_ranks(mpi_comm):
    """Returns ``(rank, intra_rank, intra_size, inter_rank, inter_size)``.

    Ranks on the same host (processor name) form a node; nodes are
    numbered in the order of their lowest rank, the same on every process.
    """
    MPI = _mpi.import_mpi()
    names = mpi_comm.allgather(MPI.Get_processor_name())
    rank = mpi_comm.rank
    nodes = []
    for name in names:
        if name not in nodes:
            nodes.append(name)
    mine = names[rank]
    intra_rank = sum(1 for r in range(rank) if names[r] == mine)
    intra_size = names.count(mine)
    return rank, intra_rank, intra_size, nodes.index(mine), len(nodes)


def chunked_bcast_obj(obj, mpi_comm, max_buf_len=None, root=0):
    """Broadcasts a picklable object in pieces of ``max_buf_len`` bytes."""
    MPI = _mpi.import_mpi()
    if max_buf_len is None:
        max_buf_len = DEFAULT_MAX_BUF_LEN
    if max_buf_len <= 0:
        raise ValueError('max_buf_len must be positive, got %d' % max_buf_len)
    if mpi_comm.rank == root:
        data = numpy.frombuffer(
            pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL),
            dtype=numpy.uint8)
        total = mpi_comm.bcast(data.size, root=root)
    else:
        total = mpi_comm.bcast(None, root=root)
        data = numpy.empty(total, dtype=numpy.uint8)
    for begin in range(0, total, max_buf_len):
        end = min(begin + max_buf_len, total)
        mpi_comm.Bcast([data[begin:end], end - begin, MPI.BYTE], root=root)
    if mpi_comm.rank == root:
        return obj
    return pickle.loads(data.tobytes())


def layout_mismatch(mpi_comm, signature):
    """True on every rank when ``signature`` (an int) differs among ranks.

    One tiny Allreduce (max of ``s`` and ``-s``): cheap enough to run before
    every packed collective, and it turns a hang or silent corruption into
    an error raised by all ranks together.
    """
    MPI = _mpi.import_mpi()
    buf = numpy.array([signature, -signature], dtype=numpy.int64)
    mpi_comm.Allreduce(MPI.IN_PLACE, [buf, MPI.INT64_T], op=MPI.MAX)
    return bool(buf[0] != -buf[1])
