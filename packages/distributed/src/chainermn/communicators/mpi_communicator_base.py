"""Communicators built on an mpi4py communicator.

The ndarray API moves raw bytes after a pickled header, so any dtype
works; model-level operations pack a whole model into one buffer.
"""
import numpy

from chainermn import _mpi
from chainermn.communicators import _array_api
from chainermn.communicators import _communication_utility as _util
from chainermn.communicators import _layout_error
from chainermn.communicators import _memory_utility as _mem
from chainermn.communicators import _message
from chainermn.communicators import communicator_base

_GRAD_HINT = ('Make every rank compute the same gradients, or pass '
              'zero_fill=True to treat a missing gradient as zero.')
_DATA_HINT = ('Initialize the same parameters (e.g. run one forward pass '
              'of a lazily initialized link) on every rank.')


class MpiCommunicatorBase(_array_api.ArrayApiMixin,
                          communicator_base.CommunicatorBase):

    """Base of the MPI-based communicators.

    Args:
        mpi_comm: An mpi4py communicator, e.g. ``mpi4py.MPI.COMM_WORLD``.

    Attributes:
        mpi_comm: The mpi4py communicator, for advanced use.
    """

    # Whether MPI may be handed device pointers (CUDA-aware MPI).
    _cuda_aware = True

    def __init__(self, mpi_comm):
        self.mpi_comm = mpi_comm
        (self._rank, self._intra_rank, self._intra_size, self._inter_rank,
         self._inter_size) = _util.init_ranks(mpi_comm)
        self._size = mpi_comm.size
        self._grad_plans = _mem.PlanCache(self._grad_group_dtype, 'grad')
        self._data_plans = _mem.PlanCache(numpy.dtype, 'data')
        self._host_buffer = _mem.GrowOnlyBuffer()
        self._device_buffer = _mem.GrowOnlyBuffer()

    rank = property(lambda self: self._rank)
    size = property(lambda self: self._size)
    intra_rank = property(lambda self: self._intra_rank)
    intra_size = property(lambda self: self._intra_size)
    inter_rank = property(lambda self: self._inter_rank)
    inter_size = property(lambda self: self._inter_size)

    def __repr__(self):
        return '<%s rank=%d size=%d>' % (type(self).__name__, self.rank,
                                         self.size)

    def _split_kwargs(self):
        return {}

    def split(self, color, key):
        return self.__class__(mpi_comm=self.mpi_comm.Split(color, key),
                              **self._split_kwargs())

    # ------------------------------------------------------------ objects
    def send_obj(self, obj, dest, tag=0):
        self.mpi_comm.send(obj, dest=dest, tag=tag)

    def recv_obj(self, source, tag=0, status=None):
        return self.mpi_comm.recv(source=source, tag=tag, status=status)

    def bcast_obj(self, obj, max_buf_len=None, root=0):
        return _util.chunked_bcast_obj(obj, self.mpi_comm, max_buf_len, root)

    def gather_obj(self, obj, root=0):
        return self.mpi_comm.gather(obj, root=root)

    def allgather_obj(self, obj):
        """List of every rank's object, on every rank (an extension)."""
        return self.mpi_comm.allgather(obj)

    def scatter_obj(self, objs, root=0):
        """Sends ``objs[i]`` from ``root`` to rank ``i`` (an extension)."""
        return self.mpi_comm.scatter(objs, root=root)

    def allreduce_obj(self, obj):
        # mpi4py sums pickled objects with ``+``.
        return self.mpi_comm.allreduce(obj)

    # -------------------------------------------------------------- model
    def _grad_group_dtype(self, dtype):
        return _mpi.reduction_dtype(dtype)

    def _check_layout(self, what, plan, key, hint):
        if self._size > 1 and _util.layout_mismatch(self.mpi_comm,
                                                    plan.signature):
            keys = self.mpi_comm.allgather(key)
            raise RuntimeError(_layout_error.describe(what, keys, hint))

    def _grad_plan(self, model, zero_fill, what='allreduce_grad'):
        """Entries with gradients and their plan, checked across ranks."""
        entries = _mem.grad_entries(model, zero_fill)
        key = _mem.layout_key(entries, 'grad')
        plan = self._grad_plans.get(key)
        self._check_layout(what, plan, key, _GRAD_HINT)
        return entries, plan

    def _buffer(self, xp, nbytes):
        if xp is numpy:
            return self._host_buffer.get(numpy, nbytes)
        import cupy
        return self._device_buffer.get(cupy, nbytes, cupy.cuda.Device())

    def _mpi_bcast_bytes(self, buf, nbytes, root):
        MPI = _mpi.import_mpi()
        if isinstance(buf, numpy.ndarray) or self._cuda_aware:
            _mpi.synchronize(buf)
            self.mpi_comm.Bcast([buf, nbytes, MPI.BYTE], root=root)
            return
        host = buf[:nbytes].get()
        self.mpi_comm.Bcast([host, nbytes, MPI.BYTE], root=root)
        buf[:nbytes].set(host)

    def _mpi_allreduce_inplace(self, view, comm=None):
        """In-place sum of a typed 1-D array over ``comm`` (default all)."""
        MPI = _mpi.import_mpi()
        comm = self.mpi_comm if comm is None else comm
        spec_type = _mpi.mpi_type(view.dtype)
        if isinstance(view, numpy.ndarray) or self._cuda_aware:
            _mpi.synchronize(view)
            comm.Allreduce(MPI.IN_PLACE, [view, view.size, spec_type],
                           op=MPI.SUM)
            return
        host = view.get()
        comm.Allreduce(MPI.IN_PLACE, [host, host.size, spec_type],
                       op=MPI.SUM)
        view.set(host)

    def bcast_data(self, model):
        """Copies every initialized parameter from rank 0, in one Bcast."""
        entries = _mem.data_entries(model)
        key = _mem.layout_key(entries, 'array')
        plan = self._data_plans.get(key)
        self._check_layout('bcast_data', plan, key, _DATA_HINT)
        if self._size == 1 or not entries:
            return
        arrays = [p.array for _, p in entries]
        xp = _mem.array_module_of(arrays)
        buf = self._buffer(xp, plan.nbytes)
        views = _mem.group_views(plan, buf)
        if self._rank == 0:
            _mem.pack(plan, arrays, views)
        self._mpi_bcast_bytes(buf, plan.nbytes, 0)
        if self._rank != 0:
            _mem.unpack_data(plan, entries, views)

    def allreduce_grad(self, model, zero_fill=False):
        raise NotImplementedError

    # Keeps the message type importable from here, as in v5.
    _MessageType = _message.MessageType
