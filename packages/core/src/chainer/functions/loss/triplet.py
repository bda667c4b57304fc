"""Triplet loss for metric learning (composed of functions)."""
import chainer
import chainer.functions
from chainer.functions.loss import _checks


def triplet(anchor, positive, negative, margin=0.2, reduce='mean'):
    """Computes triplet loss.

    The loss of triplet :math:`n` is
    :math:`\\max(\\|a_n - p_n\\|^2 - \\|a_n - n_n\\|^2 + m, 0)`; it pushes
    the anchor closer to the positive than to the negative sample by the
    margin ``m``.

    Args:
        anchor (~chainer.Variable or ndarray): Float ``(N, K)``.
        positive (~chainer.Variable or ndarray): Float ``(N, K)``.
        negative (~chainer.Variable or ndarray): Float ``(N, K)``.
        margin (float): Positive margin.
        reduce (str): ``'mean'`` (average over triplets) or ``'no'``
            (loss of each triplet).

    Returns:
        ~chainer.Variable: Loss with the dtype of ``anchor``.

    See: `FaceNet <https://arxiv.org/abs/1503.03832>`_
    """
    F = chainer.functions
    if margin <= 0:
        raise ValueError('margin should be positive value.')
    _checks.check_reduce(reduce, 'mean')
    a, p, n = (chainer.as_variable(v) for v in (anchor, positive, negative))
    if not (a.shape == p.shape == n.shape) or a.ndim != 2:
        raise ValueError(
            'anchor, positive and negative must all have the same 2-d '
            'shape, got %s, %s and %s' % (a.shape, p.shape, n.shape))
    if a.dtype.kind != 'f' or not (a.dtype == p.dtype == n.dtype):
        raise ValueError('anchor, positive and negative must have the same '
                         'float dtype')
    dist = (F.sum(F.squared_difference(a, p), axis=1)
            - F.sum(F.squared_difference(a, n), axis=1))
    loss = F.relu(dist + margin)
    if reduce == 'mean':
        return F.sum(loss) * (1. / len(loss))
    return loss
