"""Hinge loss for multi-class classification (one-vs-all)."""
import chainer
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


class Hinge(function_node.FunctionNode):

    """Sum over classes of max(0, 1 - s * x), s = +1 for t, else -1."""

    def __init__(self, norm='L1', reduce='mean'):
        if norm not in ('L1', 'L2'):
            raise NotImplementedError(
                "norm should be either 'L1' or 'L2', but got %r" % (norm,))
        _checks.check_reduce(reduce, 'mean')
        self.norm = norm
        self.reduce = reduce

    def check_type_forward(self, in_types):
        x_type, t_type = _checks.check_scores_and_labels(in_types, ('x', 't'))
        type_check.expect(
            x_type.ndim == 2,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
        )

    def forward(self, inputs):
        x, t = inputs
        xp = backend.get_array_module(x)
        n, k = x.shape
        if bool(((t < 0) | (t >= k)).any()):
            raise ValueError('labels t must satisfy 0 <= t < x.shape[1] == %d'
                             % k)
        rows = xp.arange(n)
        # margin = 1 + x for wrong classes and 1 - x for the true class.
        self.bottom_diff = x.copy()
        self.bottom_diff[rows, t] *= -1
        self.t = t
        margin = xp.maximum(0, 1 + self.bottom_diff)
        loss = margin if self.norm == 'L1' else margin * margin
        self.margin = margin
        if self.reduce == 'mean':
            return utils.force_array(loss.sum() / n, x.dtype),
        return utils.force_array(loss, x.dtype),

    def backward(self, indexes, grad_outputs):
        gy = grad_outputs[0].array
        xp = backend.get_array_module(gy)
        margin = self.margin
        if self.norm == 'L1':
            gx = (margin > 0).astype(margin.dtype)
        else:
            gx = 2 * margin
        gx[xp.arange(len(gx)), self.t] *= -1
        if self.reduce == 'mean':
            gx *= gy / len(gx)
        else:
            gx *= gy
        # v5 offers no second derivative for the hinge loss.
        return chainer.Variable(gx.astype(margin.dtype, copy=False),
                                requires_grad=False), None


def hinge(x, t, norm='L1', reduce='mean'):
    """Computes the hinge loss for a one-of-many classification task.

    .. math:: L = \\frac{1}{N} \\sum_{n} \\sum_{k}
              \\left[\\max(0, 1 - \\delta\\{t_n = k\\} x_{nk})\\right]^p

    where :math:`\\delta\\{\\cdot\\}` is +1 for the true class and -1 for
    the others, and :math:`p` is 1 (``'L1'``) or 2 (``'L2'``).

    Args:
        x (~chainer.Variable or ndarray): Float scores of shape ``(N, K)``.
        t (~chainer.Variable or ndarray): Signed integer labels of shape
            ``(N,)`` in ``[0, K)``.
        norm (str): ``'L1'`` or ``'L2'``.
        reduce (str): ``'mean'`` (sum divided by ``N``) or ``'no'``
            (elementwise loss of shape ``(N, K)``).

    Returns:
        ~chainer.Variable: Loss with the dtype of ``x``.
    """
    return Hinge(norm, reduce).apply((x, t))[0]
