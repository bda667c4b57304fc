"""GPU gradients packed on the device and summed by CUDA-aware MPI."""
from chainermn.communicators import _gpu_communicator_base as _base


class FlatCommunicator(_base.GpuCommunicatorBase):

    """One MPI ``Allreduce`` of the packed device buffer over all ranks.

    Needs CuPy and a CUDA-aware MPI (no NCCL). float16 gradients are summed
    in float32, other float dtypes as they are.
    """

    _needs_nccl = False

    def __init__(self, mpi_comm):
        super(FlatCommunicator, self).__init__(mpi_comm)

    def _init_comms(self):
        self._comms_ready = True  # needs no sub-communicator

    def _allreduce_packed(self, view):
        self._mpi_allreduce_inplace(view)
