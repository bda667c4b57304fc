"""Shared machinery of the GPU communicators (CuPy, NCCL, CUDA-aware MPI).

Every subclass packs the gradients into one device buffer (in sorted name
order, in a dtype taken from the parameters), sums each dtype region with
``_allreduce_packed`` and copies back the mean. CuPy is imported only when
such a communicator is created.
"""
import numpy

from chainermn.communicators import _memory_utility as _mem
from chainermn.communicators import mpi_communicator_base


def require_cupy(name):
    """Raises RuntimeError unless CuPy and a CUDA device are usable."""
    from chainer.backends import cuda
    if not cuda.available:
        raise RuntimeError(
            '%s needs CuPy and a CUDA device (%s); on CPU use '
            'create_communicator("naive")'
            % (name, getattr(cuda, '_resolution_error', None)
               or 'CuPy is not installed'))


def require_nccl(name, min_version=None):
    from chainermn import nccl
    if not nccl._available:
        raise RuntimeError('%s needs NCCL (CuPy built with NCCL support): '
                           '%s' % (name, nccl._error))
    if min_version is not None and nccl.get_version() < min_version:
        raise RuntimeError('%s is only available with NCCL %d.%d or later'
                           % (name, min_version // 1000,
                              min_version % 1000 // 100))


def create_nccl_comm(mpi_comm):
    """An NCCL communicator over the ranks of ``mpi_comm``.

    NCCL binds it to the current CUDA device, so it is created lazily, on
    the first collective, when the user has selected the device.
    """
    from chainermn import nccl
    uid = nccl.get_unique_id() if mpi_comm.rank == 0 else None
    uid = mpi_comm.bcast(uid, root=0)
    return nccl.NcclCommunicator(mpi_comm.size, uid, mpi_comm.rank)


def nccl_dtype(dtype):
    from chainermn import nccl
    table = {'f2': nccl.NCCL_FLOAT16, 'f4': nccl.NCCL_FLOAT32,
             'f8': nccl.NCCL_FLOAT64, 'i4': nccl.NCCL_INT32,
             'i8': nccl.NCCL_INT64, 'u1': nccl.NCCL_UINT8}
    key = numpy.dtype(dtype).str[1:]
    if key not in table:
        raise TypeError('NCCL cannot reduce arrays of dtype %s' % dtype)
    return table[key]


def stream_ptr():
    import cupy
    return cupy.cuda.get_current_stream().ptr


class GpuCommunicatorBase(mpi_communicator_base.MpiCommunicatorBase):

    """Packs gradients on the device and averages them with a subclass's
    ``_allreduce_packed(view)`` (an in-place sum over all ranks)."""

    _needs_nccl = True

    def __init__(self, mpi_comm):
        require_cupy(type(self).__name__)
        if self._needs_nccl:
            require_nccl(type(self).__name__)
        super(GpuCommunicatorBase, self).__init__(mpi_comm)
        self._comms_ready = False
        self.intra_mpi_comm = None
        self.inter_mpi_comm = None
        self.intra_nccl_comm = None

    def _init_comms(self):
        """Creates the sub-communicators (collective; on first use)."""
        if self._comms_ready:
            return
        self.intra_mpi_comm = self.mpi_comm.Split(self.inter_rank,
                                                  self.intra_rank)
        self.inter_mpi_comm = self.mpi_comm.Split(self.intra_rank,
                                                  self.inter_rank)
        if self._needs_nccl:
            self.intra_nccl_comm = create_nccl_comm(self.intra_mpi_comm)
        self._comms_ready = True

    def _allreduce_packed(self, view):
        raise NotImplementedError

    def allreduce_grad(self, model, zero_fill=False):
        entries, plan = self._grad_plan(model, zero_fill)
        # No shortcut for one rank (unlike naive): the device path runs,
        # as in v5, and single-GPU tests exercise it.
        if not entries:
            return
        self._init_comms()
        grads = [p.grad for _, p in entries]
        if _mem.array_module_of(grads) is numpy:
            raise ValueError('%s needs the model on a GPU (model.to_gpu()); '
                             'on CPU use create_communicator("naive")'
                             % type(self).__name__)
        import cupy
        buf = self._buffer(cupy, plan.nbytes)
        views = _mem.group_views(plan, buf)
        _mem.pack(plan, grads, views)
        for view in views:
            self._allreduce_packed(view)
        _mem.unpack_grads(plan, entries, views, 1.0 / self._size)

    def _allreduce_through_local_root(self, view):
        """Sums ``view`` over all ranks in three steps: NCCL reduces it
        onto local rank 0 of each node, the local rank 0s sum it across
        nodes with MPI (staged through the host unless ``_cuda_aware``),
        and NCCL broadcasts the result within each node."""
        from chainermn import nccl
        dtype = nccl_dtype(view.dtype)
        self.intra_nccl_comm.reduce(
            view.data.ptr, view.data.ptr, view.size, dtype, nccl.NCCL_SUM, 0,
            stream_ptr())
        if self.intra_rank == 0 and self.inter_size > 1:
            self._mpi_allreduce_inplace(view, self.inter_mpi_comm)
        self.intra_nccl_comm.bcast(view.data.ptr, view.size, dtype, 0,
                                   stream_ptr())
