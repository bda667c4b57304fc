"""One NCCL allreduce over the GPUs of a single node."""
from chainermn.communicators import _gpu_communicator_base as _base
from chainermn.communicators import _memory_utility as _mem


class SingleNodeCommunicator(_base.GpuCommunicatorBase):

    """For one node with several GPUs; needs NCCL, not CUDA-aware MPI.

    Gradients are summed in their own dtype (float16 included) by NCCL;
    ``bcast_data`` also goes through NCCL.

    Raises:
        ValueError: If the processes span more than one node.
    """

    def __init__(self, mpi_comm):
        super(SingleNodeCommunicator, self).__init__(mpi_comm)
        if self.inter_size != 1:
            raise ValueError('SingleNodeCommunicator cannot be used with '
                             'more than one node (found %d nodes)'
                             % self.inter_size)

    def _grad_group_dtype(self, dtype):
        return dtype  # NCCL sums float16/32/64 natively

    def _allreduce_packed(self, view):
        from chainermn import nccl
        self.intra_nccl_comm.allReduce(
            view.data.ptr, view.data.ptr, view.size,
            _base.nccl_dtype(view.dtype), nccl.NCCL_SUM, _base.stream_ptr())

    def bcast_data(self, model):
        nccl_bcast_data(self, model, lambda: self.intra_nccl_comm)


def nccl_bcast_data(comm, model, get_nccl_comm):
    """``bcast_data`` through NCCL: the packed bytes from rank 0."""
    from chainermn import nccl
    from chainermn.communicators import mpi_communicator_base as _mcb
    entries = _mem.data_entries(model)
    key = _mem.layout_key(entries, 'array')
    plan = comm._data_plans.get(key)
    comm._check_layout('bcast_data', plan, key, _mcb._DATA_HINT)
    if not entries:
        return
    comm._init_comms()
    import cupy
    arrays = [p.array for _, p in entries]
    if _mem.array_module_of(arrays) is not cupy:
        raise ValueError('%s needs the model on a GPU (model.to_gpu())'
                         % type(comm).__name__)
    buf = comm._buffer(cupy, plan.nbytes)
    views = _mem.group_views(plan, buf)
    if comm.rank == 0:
        _mem.pack(plan, arrays, views)
    get_nccl_comm().bcast(buf.data.ptr, plan.nbytes, nccl.NCCL_UINT8, 0,
                          _base.stream_ptr())
    if comm.rank != 0:
        _mem.unpack_data(plan, entries, views)
