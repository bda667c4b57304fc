"""Intra-node NCCL reduce, inter-node MPI allreduce, intra-node NCCL bcast."""
from chainermn.communicators import _gpu_communicator_base as _base


class HierarchicalCommunicator(_base.GpuCommunicatorBase):

    """For clusters whose nodes have a single NIC or HCA.

    The GPUs of a node reduce onto local rank 0 with NCCL; the local rank
    0s sum across nodes with a CUDA-aware MPI ``Allreduce``; NCCL then
    broadcasts the result within each node. float16 gradients are summed in
    float32.
    """

    def __init__(self, mpi_comm):
        super(HierarchicalCommunicator, self).__init__(mpi_comm)

    def _allreduce_packed(self, view):
        self._allreduce_through_local_root(view)
