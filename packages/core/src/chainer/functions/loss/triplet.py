"""Triplet loss for metric learning."""
import chainer
import chainer.functions
from chainer import backend
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


class Triplet(_checks.MarginLoss):

    """max(sum_1 ((a - p)^2 - (a - n)^2) + margin, 0) per sample.

    As in v5 the squared distances are summed over axis 1 only, so inputs
    of shape ``(N, K, d1, ...)`` give one loss per ``(N, d1, ...)``.
    """

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        type_check.argname(in_types, ('anchor', 'positive', 'negative'))
        a_type, p_type, n_type = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            a_type.dtype == p_type.dtype,
            a_type.dtype == n_type.dtype,
            a_type.shape == p_type.shape,
            a_type.shape == n_type.shape,
            # v5 fails later in numpy on 1-d input (no axis 1).
            a_type.ndim >= 2,
            a_type.shape[0] > 0,
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        a, p, n = inputs
        xp = backend.get_array_module(a)
        # One difference of squares per element, summed, as v5 rounds it.
        dist = ((a - p) ** 2 - (a - n) ** 2).sum(axis=1) + self.margin
        self.dist_hinge = xp.maximum(dist, 0)
        loss = self.dist_hinge
        if self.reduce == 'mean':
            loss = loss.sum() / len(a)
        return utils.force_array(loss, a.dtype),

    def backward(self, indexes, grad_outputs):
        # Linear in the inputs given the active mask: differentiable again.
        F = chainer.functions
        a, p, n = self.get_retained_inputs()
        gy, = grad_outputs
        mask = (self.dist_hinge > 0).astype(a.dtype)
        if self.reduce == 'mean':
            w = F.broadcast_to(gy, mask.shape) * mask / len(mask)
        else:
            w = gy * mask
        coef = 2 * F.broadcast_to(F.expand_dims(w, 1), a.shape)
        ret = []
        if 0 in indexes:
            ret.append(coef * (n - p))
        if 1 in indexes:
            ret.append(coef * (p - a))
        if 2 in indexes:
            ret.append(coef * (a - n))
        return ret


def triplet(anchor, positive, negative, margin=0.2, reduce='mean'):
    """Computes triplet loss.

    The loss of triplet :math:`i` is
    :math:`\\max(\\|a_i - p_i\\|^2 - \\|a_i - n_i\\|^2 + m, 0)`; it pushes
    the anchor closer to the positive than to the negative sample by the
    margin ``m``. The squared distances are summed over axis 1.

    Args:
        anchor (~chainer.Variable or ndarray): Float ``(N, K)`` (or
            ``(N, K, d1, ...)``, one loss per ``(N, d1, ...)``).
        positive (~chainer.Variable or ndarray): Shape and dtype of
            ``anchor``.
        negative (~chainer.Variable or ndarray): Shape and dtype of
            ``anchor``.
        margin (float): Positive margin.
        reduce (str): ``'mean'`` (sum divided by ``N``) or ``'no'``
            (loss of each triplet).

    Returns:
        ~chainer.Variable: Loss with the dtype of ``anchor``.

    See: `FaceNet <https://arxiv.org/abs/1503.03832>`_
    """
    return Triplet(margin, reduce).apply((anchor, positive, negative))[0]
