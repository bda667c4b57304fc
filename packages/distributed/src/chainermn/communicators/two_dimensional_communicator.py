"""NCCL reduce-scatter in the node, MPI across nodes, NCCL all-gather."""
from chainermn.communicators import _gpu_communicator_base as _base


class TwoDimensionalCommunicator(_base.GpuCommunicatorBase):

    """For clusters whose nodes have several NICs or HCAs.

    Within a node NCCL reduce-scatters the buffer, so each local rank owns
    one slice; every local rank sums its slice across nodes with a
    CUDA-aware MPI ``Allreduce``; NCCL all-gathers the slices back.
    """

    def __init__(self, mpi_comm):
        super(TwoDimensionalCommunicator, self).__init__(mpi_comm)

    def _allreduce_packed(self, view):
        import cupy

        from chainermn import nccl
        n = view.size
        chunk = -(-n // self.intra_size)
        padded = chunk * self.intra_size
        if padded != n:  # NCCL splits evenly: pad with zeros
            work = cupy.zeros(padded, dtype=view.dtype)
            work[:n] = view
        else:
            work = view
        part = cupy.empty(chunk, dtype=view.dtype)
        dtype = _base.nccl_dtype(view.dtype)
        stream = _base.stream_ptr()
        self.intra_nccl_comm.reduceScatter(
            work.data.ptr, part.data.ptr, chunk, dtype, nccl.NCCL_SUM,
            stream)
        if self.inter_size > 1:
            self._mpi_allreduce_inplace(part, self.inter_mpi_comm)
        self.intra_nccl_comm.allGather(part.data.ptr, work.data.ptr, chunk,
                                       dtype, stream)
        if work is not view:
            view[...] = work[:n]
