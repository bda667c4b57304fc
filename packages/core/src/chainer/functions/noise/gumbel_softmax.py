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
    xp = backend.get_array_module(log_pi)
    if log_pi.ndim < 1:
        # One category: v5 returns 1 and draws nothing.
        return chainer.Variable(xp.ones((), log_pi.dtype))
    dtype = log_pi.dtype
    # As v5: the RNG's own Gumbel sampler, float64, cast to the dtype.
    g = xp.random.gumbel(size=log_pi.shape).astype(dtype)
    if not numpy.isscalar(tau):
        tau = xp.broadcast_to(xp.asarray(tau, dtype), log_pi.shape)
    return F.softmax((log_pi + g) / tau, axis=axis)
