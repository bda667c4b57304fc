"""The CPU reference communicator: packed gradients, one MPI buffer."""
import numpy

from chainermn import _mpi
from chainermn.communicators import _memory_utility as _mem
from chainermn.communicators import mpi_communicator_base


class NaiveCommunicator(mpi_communicator_base.MpiCommunicatorBase):

    """Communicator that needs nothing but MPI; recommended for CPU.

    ``allreduce_grad`` copies every gradient (sorted by parameter name)
    into one reusable buffer, sums it with in-place ``Allreduce`` and
    copies back the sum divided by the size (as v5's ``grad /= size``).
    float16 gradients are summed in float32. GPU arrays work with a
    CUDA-aware MPI.

    On the CPU the buffer is reduced in segments of
    :attr:`segment_bytes`: each segment is packed, reduced and unpacked
    while it is still in the CPU cache, which is about twice as fast as
    packing everything and reducing one large buffer (memory bandwidth
    bound). A model smaller than a segment takes one ``Allreduce``;
    ``segment_bytes = None`` always uses one per dtype.

    Args:
        mpi_comm: An mpi4py communicator.
    """

    segment_bytes = 4 << 20

    def __init__(self, mpi_comm):
        super(NaiveCommunicator, self).__init__(mpi_comm)

    def allreduce_grad(self, model, zero_fill=False):
        """Replaces each gradient with its mean over all ranks.

        Args:
            model (~chainer.Link): Model whose gradients are averaged.
            zero_fill (bool): Give parameters without a gradient a zero
                gradient and include them. Otherwise they are skipped, and
                ranks that disagree on which gradients exist raise
                ``RuntimeError`` (together, instead of hanging).
        """
        if self._size == 1:  # the mean of one: only zero_fill has effect
            _mem.grad_entries(model, zero_fill)
            return
        entries, plan = self._grad_plan(model, zero_fill)
        if not entries:
            return
        grads = [p.grad for _, p in entries]
        xp = _mem.array_module_of(grads)
        buf = self._buffer(xp, plan.nbytes)
        if xp is numpy and self.segment_bytes:
            self._allreduce_segments(plan, entries, grads, buf)
            return
        views = _mem.group_views(plan, buf)
        _mem.pack(plan, grads, views)
        for view in views:
            self._mpi_allreduce_inplace(view)
        _mem.unpack_grads(plan, entries, views, None, divisor=self._size)

    def _allreduce_segments(self, plan, entries, grads, buf):
        # Gradients sharing memory are safe here too: a region unpacked
        # early holds the same mean on every rank, whose mean it stays.
        MPI = _mpi.import_mpi()
        # v5 divides each gradient by the size (grad /= size); dividing,
        # not multiplying by 1 / size, gives its numbers to the last bit.
        n = self._size
        srcs = [g.reshape(-1) if g.flags.c_contiguous
                else numpy.ascontiguousarray(g).reshape(-1) for g in grads]
        # Means go straight into the gradient arrays when possible.
        dests = [g if _mem._writable(g) and g.flags.c_contiguous
                 else numpy.empty(g.shape, p.array.dtype)
                 for g, (_, p) in zip(grads, entries)]
        flat_dests = [d.reshape(-1) for d in dests]
        views = _mem.group_views(plan, buf)
        mpi_comm = self.mpi_comm
        for view, segs in zip(views, plan.segments(self.segment_bytes)):
            mtype = _mpi.mpi_type(view.dtype)
            for lo, hi, pieces in segs:
                for i, a, b, o in pieces:
                    view[o:o + b - a] = srcs[i][a:b]
                mpi_comm.Allreduce(MPI.IN_PLACE, [view[lo:hi], hi - lo,
                                                  mtype], op=MPI.SUM)
                for i, a, b, o in pieces:
                    numpy.divide(view[o:o + b - a], n,
                                 out=flat_dests[i][a:b])
        for (_, p), g, d in zip(entries, grads, dests):
            if d is not g:
                p.grad = d

