"""Like ``hierarchical``, staging the inter-node step through host memory."""
from chainermn.communicators import _gpu_communicator_base as _base


class NonCudaAwareCommunicator(_base.GpuCommunicatorBase):

    """For MPI libraries built without CUDA support.

    NCCL reduces within each node, the local rank 0s copy the buffer to the
    host and sum it across nodes with MPI, and NCCL broadcasts the result
    within each node. ``bcast_data`` is staged through the host as well.
    """

    _cuda_aware = False

    def __init__(self, mpi_comm):
        super(NonCudaAwareCommunicator, self).__init__(mpi_comm)

    def _allreduce_packed(self, view):
        # _cuda_aware is False: the inter-node step copies to the host and
        # back.
        self._allreduce_through_local_root(view)
