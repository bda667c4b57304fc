"""Group normalization: standardize each sample over groups of channels."""
import chainer.functions
from chainer import backend
from chainer.functions.normalization import _bn_common
from chainer.utils import type_check


def _check(x, groups, gamma, beta):
    if x.ndim < 2:
        raise type_check.InvalidType(
            'x.ndim >= 2', 'x.ndim == %d' % x.ndim,
            'group_normalization expects x of shape (N, C, ...)')
    if x.dtype.kind != 'f':
        raise type_check.InvalidType("x.dtype.kind == 'f'",
                                     'x.dtype == %s' % x.dtype)
    channels = x.shape[1]
    _bn_common.check_affine(x, (channels,), gamma, beta)
    if groups <= 0 or channels % groups != 0:
        raise ValueError('the number of channels (%d) must be a multiple '
                         'of groups (%d)' % (channels, groups))


def group_normalization(x, groups, gamma, beta, eps=1e-5):
    """Group normalization function.

    The channels of each sample are split into ``groups`` groups; each
    group is normalized with its own mean and (biased) variance over its
    channels and spatial positions. The result is scaled by ``gamma`` and
    shifted by ``beta`` per channel.

    Args:
        x (~chainer.Variable or ndarray): Float input of shape
            ``(N, C, ...)``.
        groups (int): Number of groups; must divide ``C``.
        gamma (~chainer.Variable or ndarray): Scale of shape ``(C,)``.
        beta (~chainer.Variable or ndarray): Shift of shape ``(C,)``.
        eps (float): Added to the variance.

    Returns:
        ~chainer.Variable: Output of the shape and dtype of ``x``.

    See: `Group Normalization <https://arxiv.org/abs/1803.08494>`_
    """
    F = chainer.functions
    x, gamma, beta = (chainer.as_variable(a) for a in (x, gamma, beta))
    _check(x, groups, gamma, beta)
    xp = backend.get_array_module(x.array)
    n, channels = x.shape[:2]
    # One "channel" per (sample, group): batch normalization over axis 1
    # of a (N * groups, rest) view computes exactly the group statistics.
    rows = n * groups
    x_hat = F.batch_normalization(
        F.reshape(x, (rows, -1)), xp.ones(rows, x.dtype),
        xp.zeros(rows, x.dtype), eps=eps, axis=(1,))
    x_hat = F.reshape(x_hat, x.shape)
    return _bn_common.scale_shift(x_hat, gamma, beta,
                                  (1, channels) + (1,) * (x.ndim - 2))
