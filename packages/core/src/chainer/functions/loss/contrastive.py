"""Contrastive loss for pairs of embeddings."""
import chainer
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


class Contrastive(function_node.FunctionNode):

    """0.5 * (y d^2 + (1 - y) max(margin - d, 0)^2), d = ||x0 - x1||."""

    def __init__(self, margin, reduce='mean'):
        if margin <= 0:
            raise ValueError('margin should be positive value.')
        _checks.check_reduce(reduce, 'mean')
        self.margin = margin
        self.reduce = reduce

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
        x0, x1, y = inputs
        xp = backend.get_array_module(x0)
        self.diff = x0 - x1
        self.dist = xp.sqrt(xp.square(self.diff).sum(axis=1))
        self.y = y.astype(x0.dtype)
        self.mdist = xp.maximum(self.margin - self.dist, 0)
        loss = (self.y * self.dist * self.dist
                + (1 - self.y) * self.mdist * self.mdist) * 0.5
        if self.reduce == 'mean':
            loss = loss.sum() / len(x0)
        return utils.force_array(loss, x0.dtype),

    def backward(self, indexes, grad_outputs):
        gy = grad_outputs[0].array
        xp = backend.get_array_module(gy)
        n = len(self.diff)
        gy = gy / n if self.reduce == 'mean' else gy[:, None]
        # Pull term: y * diff. Push term: -(1 - y) * mdist * diff / dist,
        # zero where the pair is beyond the margin (and where dist == 0,
        # avoiding 0 / 0).
        dist = xp.where(self.dist > 0, self.dist, 1)
        coef = self.y - (1 - self.y) * self.mdist / dist
        gx0 = (gy * coef[:, None] * self.diff).astype(
            self.diff.dtype, copy=False)
        ret = []
        if 0 in indexes:
            ret.append(chainer.Variable(gx0, requires_grad=False))
        if 1 in indexes:
            ret.append(chainer.Variable(-gx0, requires_grad=False))
        if 2 in indexes:
            ret.append(None)
        return ret


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
