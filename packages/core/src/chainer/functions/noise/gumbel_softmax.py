"""Gumbel-softmax: differentiable samples of categorical distributions."""
import numpy

import chainer
import chainer.functions
from chainer import backend


def gumbel_softmax(log_pi, tau=0.1, axis=1):
    """Gumbel-Softmax sampling function.

    Returns :math:`\\text{softmax}((\\log\\pi + g) / \\tau)` along ``axis``
    where :math:`g` are independent Gumbel(0, 1) samples. Small ``tau``
    gives nearly one-hot samples of the categorical distribution
    :math:`\\pi`.

    Args:
        log_pi (~chainer.Variable or ndarray): Float log probabilities
            (unnormalized is fine).
        tau (float or ndarray): Positive temperature (an array must
            broadcast against ``log_pi``).
        axis (int): Axis of the categories.

    Returns:
        ~chainer.Variable: Samples, shape and dtype of ``log_pi``.

    See: `Categorical Reparameterization with Gumbel-Softmax
    <https://arxiv.org/abs/1611.01144>`_
    """
    F = chainer.functions
    log_pi = chainer.as_variable(log_pi)
    xp = backend.get_array_module(log_pi.array)
    dtype = log_pi.dtype
    u = xp.random.uniform(0, 1, log_pi.shape)
    # Keep u inside (0, 1) so that -log(-log(u)) stays finite.
    tiny = numpy.finfo(numpy.float64).tiny
    u = xp.clip(u, tiny, 1 - 1e-16)
    g = (-xp.log(-xp.log(u))).astype(dtype)
    if isinstance(tau, (int, float)):
        scaled = (log_pi + g) * (1. / tau)
    else:
        tau = xp.broadcast_to(xp.asarray(tau, dtype), log_pi.shape)
        scaled = (log_pi + g) / tau
    return F.softmax(scaled, axis=axis)
