"""Averaging persistent values (e.g. BatchNormalization statistics)."""
import numpy

from chainer.backends import cuda
from chainer.training import extension


def _named_persistents(model):
    for path, link in model.namedlinks():
        for name in sorted(link._persistent):
            yield path.rstrip('/') + '/' + name, link, name


class AllreducePersistent(extension.Extension):

    """Replaces every float32 persistent array by its mean over ranks.

    Running statistics such as ``avg_mean``/``avg_var`` of batch
    normalization drift apart on different ranks; run this before
    evaluation or snapshots so that all ranks hold the same values.
    As in v5, only float32 arrays are averaged: float16/float64 arrays,
    integer persistents (counters) and scalars are left alone.

    Args:
        model (~chainer.Link): Model whose persistents are averaged.
        comm (CommunicatorBase): MPI-based ChainerMN communicator.
    """

    trigger = 1, 'epoch'
    priority = extension.PRIORITY_WRITER + 1

    def __init__(self, model, comm):
        from chainermn.communicators import mpi_communicator_base
        if not isinstance(comm, mpi_communicator_base.MpiCommunicatorBase):
            raise ValueError('allreduce_persistent is only in MPI-based '
                             'communicator.')
        self.model = model
        self.comm = comm

    def __call__(self, trainer=None):
        for _, link, name in sorted(_named_persistents(self.model),
                                    key=lambda t: t[0]):
            value = getattr(link, name)
            # v5 checks for float32 only (its docstring says "float").
            if isinstance(value, numpy.generic) or \
                    getattr(value, 'dtype', None) != numpy.float32:
                continue
            # Through host memory: small arrays, and no CUDA-aware MPI
            # needed.
            host = numpy.asarray(cuda.to_cpu(value))
            mean = (self.comm.allreduce(host) / self.comm.size).astype(
                host.dtype)
            if isinstance(value, numpy.ndarray):
                value[...] = mean
            else:
                value[...] = cuda.to_gpu(mean, value.device)
