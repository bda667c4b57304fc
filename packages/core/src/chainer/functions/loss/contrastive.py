"""Contrastive loss for pairs of embeddings."""
import numpy

import chainer
import chainer.functions
from chainer import backend
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


class Contrastive(_checks.MarginLoss):

    """0.5 * (y d^2 + (1 - y) max(margin - d, 0)^2), d = ||x0 - x1||."""

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        type_check.argname(in_types, ('x0', 'x1', 'y'))
        x0_type, x1_type, y_type = in_types
        type_check.expect(
            x0_type.dtype.kind == 'f',
            x0_type.dtype == x1_type.dtype,
            y_type.dtype.kind == 'i',
            x0_type.shape == x1_type.shape,
            x1_type.shape[0] == y_type.shape[0],
            x1_type.shape[0] > 0,
            x0_type.ndim == 2,
            x1_type.ndim == 2,
            y_type.ndim == 1,
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        x0, x1, y = inputs
        xp = backend.get_array_module(x0)
        diff = x0 - x1
        dist_sq = xp.square(diff).sum(axis=1)
        mdist = xp.maximum(self.margin - xp.sqrt(dist_sq), 0)
        # Integer y promotes the sum to float64 as in v5; cast at the end.
        loss = (y * dist_sq + (1 - y) * mdist * mdist) * 0.5
        if self.reduce == 'mean':
            loss = loss.sum() / len(x0)
        return utils.force_array(loss, x0.dtype),

    def backward(self, indexes, grad_outputs):
        # Built from functions so that it can be differentiated again, as
        # in v5.
        F = chainer.functions
        x0, x1, y = self.get_retained_inputs()
        gy, = grad_outputs
        xp = backend.get_array_module(gy.array)
        dtype = x0.dtype
        diff = x0 - x1
        dist_sq = F.sum(diff * diff, axis=1)
        # sqrt whose gradient at 0 is 0 instead of inf (identical pairs).
        pos = dist_sq.array > 0
        dist = F.where(pos, F.sqrt(F.where(pos, dist_sq, xp.ones_like(
            dist_sq.array))), xp.zeros_like(dist_sq.array))
        # v5 divides by max(dist, eps) on the push term.
        eps = 5e-3 if dtype == numpy.float16 else 1e-8
        safe = F.maximum(dist, xp.full(dist.shape, eps, dtype))
        y = y.array.astype(dtype)
        coef = y - (1 - y) * F.relu(self.margin - dist) / safe
        if self.reduce == 'mean':
            coef = coef * F.broadcast_to(gy, coef.shape) / len(y)
        else:
            coef = coef * gy
        gx0 = F.broadcast_to(F.expand_dims(coef, 1), diff.shape) * diff
        return gx0, -gx0, None


def contrastive(x0, x1, y, margin=1, reduce='mean'):
    """Computes contrastive loss.

    With :math:`d_n = \\|x_{0,n} - x_{1,n}\\|_2` the loss of pair
    :math:`n` is
    :math:`\\frac{1}{2}(y_n d_n^2 + (1 - y_n) \\max(m - d_n, 0)^2)`: similar
    pairs (``y = 1``) are pulled together, dissimilar ones (``y = 0``) are
    pushed beyond the margin ``m``.

    Args:
        x0 (~chainer.Variable or ndarray): Float embeddings ``(N, K)``.
        x1 (~chainer.Variable or ndarray): Float embeddings ``(N, K)``.
        y (~chainer.Variable or ndarray): Signed integer labels ``(N,)``,
            1 for similar and 0 for dissimilar pairs.
        margin (float): Positive margin ``m``.
        reduce (str): ``'mean'`` (sum divided by ``N``) or ``'no'`` (loss
            of each pair).

    Returns:
        ~chainer.Variable: Loss with the dtype of ``x0``.

    See: `Dimensionality Reduction by Learning an Invariant Mapping
    <http://yann.lecun.com/exdb/publis/pdf/hadsell-chopra-lecun-06.pdf>`_
    """
    return Contrastive(margin, reduce).apply((x0, x1, y))[0]
