"""Packs and unpacks gradients without communicating (a benchmark aid)."""
from chainermn.communicators import _gpu_communicator_base as _base
from chainermn.communicators import _memory_utility as _mem


class DummyCommunicator(_base.GpuCommunicatorBase):

    """Measures the packing overhead of the GPU communicators.

    ``allreduce_grad`` copies the gradients into the device buffer and back
    unchanged; it does not average anything, so training with it is not
    data-parallel.
    """

    _needs_nccl = False

    def __init__(self, mpi_comm):
        super(DummyCommunicator, self).__init__(mpi_comm)

    def allreduce_grad(self, model, zero_fill=False):
        entries = _mem.grad_entries(model, zero_fill)
        if not entries:
            return
        plan = self._grad_plans.get(_mem.layout_key(entries, 'grad'))
        import cupy
        buf = self._buffer(cupy, plan.nbytes)
        views = _mem.group_views(plan, buf)
        _mem.pack(plan, [p.grad for _, p in entries], views)
        _mem.unpack_grads(plan, entries, views, 1.0)
