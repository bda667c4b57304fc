"""One NCCL allreduce over all ranks, optionally in another dtype."""
import numpy

from chainermn.communicators import _gpu_communicator_base as _base
from chainermn.communicators import _memory_utility as _mem
from chainermn.communicators import single_node_communicator


class PureNcclCommunicator(_base.GpuCommunicatorBase):

    """Recommended when NCCL 2 is available (needs no CUDA-aware MPI).

    Args:
        mpi_comm: An mpi4py communicator.
        allreduce_grad_dtype: ``None`` to sum each gradient in its own
            dtype, or ``numpy.float16``/``float32``/``float64`` to cast the
            packed gradients to that dtype for the allreduce (float16 halves
            the traffic) and back afterwards.
        batched_copy (bool): v6's switch for packing with one batched
            copy kernel; kept as an attribute, packing is unchanged.
    """

    def __init__(self, mpi_comm, allreduce_grad_dtype=None,
                 batched_copy=False):
        _base.require_cupy('PureNcclCommunicator')
        _base.require_nccl('PureNcclCommunicator', min_version=2000)
        if allreduce_grad_dtype is not None:
            allreduce_grad_dtype = numpy.dtype(allreduce_grad_dtype)
            if allreduce_grad_dtype.kind != 'f' or \
                    allreduce_grad_dtype.itemsize not in (2, 4, 8):
                raise ValueError('allreduce_grad_dtype must be '
                                 'numpy.float16, numpy.float32, '
                                 'numpy.float64, or None.')
        self.allreduce_grad_dtype = allreduce_grad_dtype
        self.batched_copy = bool(batched_copy)
        super(PureNcclCommunicator, self).__init__(mpi_comm)
        self.nccl_comm = None

    def _split_kwargs(self):
        return {'allreduce_grad_dtype': self.allreduce_grad_dtype,
                'batched_copy': self.batched_copy}

    def _init_comms(self):
        if self._comms_ready:
            return
        self.nccl_comm = _base.create_nccl_comm(self.mpi_comm)
        self._comms_ready = True

    def _grad_group_dtype(self, dtype):
        if self.allreduce_grad_dtype is not None:
            return self.allreduce_grad_dtype
        return dtype

    def _allreduce_packed(self, view):
        from chainermn import nccl
        self.nccl_comm.allReduce(
            view.data.ptr, view.data.ptr, view.size,
            _base.nccl_dtype(view.dtype), nccl.NCCL_SUM, _base.stream_ptr())

    def bcast_data(self, model):
        single_node_communicator.nccl_bcast_data(
            self, model, lambda: self.nccl_comm)

    def _allreduce_grad_async(self, model, stream):
        """``allreduce_grad`` enqueued on ``stream`` (double buffering).

        Returns without waiting; synchronize ``stream`` before reading the
        gradients.
        """
        entries, plan = self._grad_plan(model, False)
        if not entries:
            return
        self._init_comms()
        import cupy
        with stream:
            buf = self._buffer(cupy, plan.nbytes)
            views = _mem.group_views(plan, buf)
            _mem.pack(plan, [p.grad for _, p in entries], views)
            if self._size > 1:
                for view in views:
                    self._allreduce_packed(view)
            _mem.unpack_grads(plan, entries, views, 1.0 / self._size)
