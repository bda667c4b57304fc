"""Batch normalization with statistics over the batches of all ranks.

Each rank contributes its sample count with the sums of ``x`` and ``x**2``
(computed around its local mean, in float64), so ranks with different
batch sizes are weighted correctly: v5 averaged per-rank means instead.
One allreduce forward, one backward.
"""
import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer import function_node


class _MpiBackend(object):

    """Sums a float64 vector over ranks through host memory and MPI."""

    def __init__(self, comm):
        self.comm = comm

    def allreduce(self, vec):
        xp = backend.get_array_module(vec)
        total = self.comm.allreduce(cuda.to_cpu(vec))
        return total if xp is numpy else xp.asarray(total)


class _NcclBackend(object):

    """Sums a float64 device vector with the communicator's NCCL comm."""

    def __init__(self, comm):
        self.comm = comm

    def allreduce(self, vec):
        from chainermn import nccl
        from chainermn.communicators import _gpu_communicator_base as _g
        if backend.get_array_module(vec) is numpy:
            raise ValueError("communication_backend='nccl' needs GPU arrays")
        self.comm._init_comms()
        out = vec.copy()
        if self.comm.size > 1:
            self.comm.nccl_comm.allReduce(
                out.data.ptr, out.data.ptr, out.size, nccl.NCCL_FLOAT64,
                nccl.NCCL_SUM, _g.stream_ptr())
        return out


def get_backend(comm, name):
    """The communication backend called ``name`` ('auto', 'mpi', 'nccl')."""
    from chainermn.communicators import pure_nccl_communicator as _pn
    is_nccl = isinstance(comm, _pn.PureNcclCommunicator)
    if name == 'auto':
        name = 'nccl' if is_nccl else 'mpi'
    if name == 'mpi':
        return _MpiBackend(comm)
    if name == 'nccl':
        if not is_nccl:
            raise ValueError("communication_backend='nccl' needs the "
                             'pure_nccl communicator')
        return _NcclBackend(comm)
    raise ValueError("communication_backend must be 'auto', 'mpi' or "
                     "'nccl', not %r" % (name,))


class MultiNodeBatchNormalizationFunction(function_node.FunctionNode):

    """Training-mode batch normalization over all ranks' batches.

    Inputs are ``x, gamma, beta``; ``gamma`` has the shape of the channel
    axes ``x.shape[1:1 + gamma.ndim]``. The running averages (if given)
    are updated in place with the global mean and, as in v5, the global
    variance plus ``eps`` times ``n / (n - 1)`` for this rank's ``n``
    samples.
    """

    def __init__(self, comm, eps=2e-5, mean=None, var=None, decay=0.9,
                 communication_backend='auto'):
        self.comm = comm
        self.eps = eps
        self.running_mean = mean
        self.running_var = var
        self.decay = decay
        self._backend = get_backend(comm, communication_backend)

    def _axes(self, x, gamma):
        self.axis = (0,) + tuple(range(1 + gamma.ndim, x.ndim))
        self.expand = (None,) + (slice(None),) * gamma.ndim + (None,) * (
            x.ndim - 1 - gamma.ndim)

    def forward(self, inputs):
        x, gamma, beta = inputs
        if x.ndim < 1 + gamma.ndim or \
                x.shape[1:1 + gamma.ndim] != gamma.shape:
            raise ValueError('gamma of shape %s does not match the channel '
                             'axes of x of shape %s'
                             % (gamma.shape, x.shape))
        xp = backend.get_array_module(x)
        self._axes(x, gamma)
        e = self.expand
        n = x.size // gamma.size if gamma.size else 0
        x64 = x.astype(numpy.float64)
        if n:
            local_mean = x64.mean(axis=self.axis)
            m2 = ((x64 - local_mean[e]) ** 2).sum(axis=self.axis)
        else:
            local_mean = xp.zeros(gamma.shape, numpy.float64)
            m2 = xp.zeros(gamma.shape, numpy.float64)
        vec = xp.concatenate([xp.full(1, n, numpy.float64),
                              (n * local_mean).ravel(),
                              (m2 + n * local_mean ** 2).ravel()])
        total = self._backend.allreduce(vec)
        count = float(total[0])
        if count == 0:
            raise ValueError('batch normalization over an empty batch on '
                             'every rank')
        c = gamma.size
        mean = total[1:1 + c].reshape(gamma.shape) / count
        var = xp.maximum(
            total[1 + c:].reshape(gamma.shape) / count - mean ** 2, 0)
        self.count = count
        self.inv_std = 1 / xp.sqrt(var + self.eps)
        x_hat = (x64 - mean[e]) * self.inv_std[e]
        self.x_hat = x_hat
        y = gamma.astype(numpy.float64)[e] * x_hat + beta[e]
        if self.running_mean is not None:
            # v5's update, kept for its numbers: the variance includes eps
            # and is made unbiased with this rank's own sample count.
            adjust = n / max(n - 1.0, 1.0)
            self.running_mean *= self.decay
            self.running_mean += (1 - self.decay) * mean.astype(
                self.running_mean.dtype)
            self.running_var *= self.decay
            self.running_var += (1 - self.decay) * (
                (var + self.eps) * adjust).astype(self.running_var.dtype)
        self.retain_inputs((1,))
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        gamma, = self.get_retained_inputs()
        gy = grad_outputs[0].array
        xp = backend.get_array_module(gy)
        e = self.expand
        gy64 = gy.astype(numpy.float64)
        gbeta = gy64.sum(axis=self.axis)
        ggamma = (gy64 * self.x_hat).sum(axis=self.axis)
        total = self._backend.allreduce(
            xp.concatenate([gbeta.ravel(), ggamma.ravel()]))
        c = gbeta.size
        gbeta_all = total[:c].reshape(gbeta.shape)
        ggamma_all = total[c:].reshape(ggamma.shape)
        g = gamma.array.astype(numpy.float64)
        gx = (g * self.inv_std)[e] * (
            gy64 - (gbeta_all[e] + self.x_hat * ggamma_all[e]) / self.count)
        dtype = gamma.dtype
        # As in v5, gamma and beta get the mean over ranks of the per-rank
        # sums, the same on every rank (averaging them again in the
        # multi-node optimizer changes nothing).
        size = self.comm.size
        return (chainer.Variable(gx.astype(gy.dtype, copy=False)),
                chainer.Variable((ggamma_all / size).astype(dtype)),
                chainer.Variable((gbeta_all / size).astype(dtype)))
