"""The CPU reference communicator: packed gradients, one MPI Allreduce."""
from chainermn.communicators import _memory_utility as _mem
from chainermn.communicators import mpi_communicator_base


class NaiveCommunicator(mpi_communicator_base.MpiCommunicatorBase):

    """Communicator that needs nothing but MPI; recommended for CPU.

    ``allreduce_grad`` copies every gradient (sorted by parameter name)
    into one reusable buffer, sums it with a single in-place ``Allreduce``
    per dtype and copies back the mean. float16 gradients are summed in
    float32. GPU arrays work with a CUDA-aware MPI.

    Args:
        mpi_comm: An mpi4py communicator.
    """

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
        entries, plan = self._grad_plan(model, zero_fill)
        if self._size == 1 or not entries:
            return
        grads = [p.grad for _, p in entries]
        buf = self._buffer(_mem.array_module_of(grads), plan.nbytes)
        views = _mem.group_views(plan, buf)
        _mem.pack(plan, grads, views)
        for view in views:
            self._mpi_allreduce_inplace(view)
        _mem.unpack_grads(plan, entries, views, 1.0 / self._size)
