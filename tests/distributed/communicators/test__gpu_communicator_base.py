"""The three-step allreduce of the hierarchical communicators, on fakes
(the real NCCL and GPU runs are in test_gpu_communicators.py)."""
import types

import numpy
import pytest

import chainermn.nccl
from chainermn.communicators import _gpu_communicator_base as _base
from chainermn.communicators import hierarchical_communicator
from chainermn.communicators import non_cuda_aware_communicator


class _Recorder(object):

    """Stands in for the NCCL communicator and the MPI step."""

    def __init__(self):
        self.calls = []

    def reduce(self, src, dst, count, dtype, op, root, stream):
        self.calls.append(('reduce', src, dst, count, dtype, op, root))

    def bcast(self, buf, count, dtype, root, stream):
        self.calls.append(('bcast', buf, count, dtype, root))


@pytest.fixture
def fake_nccl(monkeypatch):
    fake = types.SimpleNamespace(
        NCCL_SUM='sum', NCCL_FLOAT16='f16', NCCL_FLOAT32='f32',
        NCCL_FLOAT64='f64', NCCL_INT32='i32', NCCL_INT64='i64',
        NCCL_UINT8='u8')
    monkeypatch.setattr(chainermn.nccl, '_available', True)
    monkeypatch.setattr(chainermn.nccl, '_nccl', fake)
    monkeypatch.setattr(_base, 'stream_ptr', lambda: 0)


def _comm(cls, intra_rank, inter_size):
    # Skips __init__, which needs CuPy and MPI.
    comm = object.__new__(cls)
    comm.intra_nccl_comm = recorder = _Recorder()
    comm.inter_mpi_comm = 'inter'
    comm._intra_rank = intra_rank
    comm._inter_size = inter_size
    comm._mpi_allreduce_inplace = lambda view, c: recorder.calls.append(
        ('mpi', view, c))
    return comm, recorder


def _view():
    return types.SimpleNamespace(data=types.SimpleNamespace(ptr=42), size=5,
                                 dtype=numpy.dtype(numpy.float32))


@pytest.mark.parametrize('cls', [
    hierarchical_communicator.HierarchicalCommunicator,
    non_cuda_aware_communicator.NonCudaAwareCommunicator])
@pytest.mark.parametrize('intra_rank,inter_size,across_nodes', [
    (0, 2, True), (1, 2, False), (0, 1, False)])
def test_reduce_allreduce_bcast(fake_nccl, cls, intra_rank, inter_size,
                                across_nodes):
    comm, recorder = _comm(cls, intra_rank, inter_size)
    view = _view()
    comm._allreduce_packed(view)
    expected = [('reduce', 42, 42, 5, 'f32', 'sum', 0)]
    if across_nodes:  # only local rank 0s talk across nodes
        expected.append(('mpi', view, 'inter'))
    expected.append(('bcast', 42, 5, 'f32', 0))
    assert recorder.calls == expected
