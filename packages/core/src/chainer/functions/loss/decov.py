"""DeCov loss: penalizes covariance between hidden units."""
import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


class DeCov(function_node.FunctionNode):

    """Off-diagonal covariance of ``h`` or half its squared norm."""

    def __init__(self, reduce='half_squared_sum'):
        _checks.check_reduce(reduce, 'half_squared_sum')
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        type_check.argname(in_types, ('h',))
        h_type, = in_types
        type_check.expect(
            h_type.dtype.kind == 'f',
            h_type.ndim == 2,
        )

    def forward(self, inputs):
        self.retain_inputs((0,))
        h, = inputs
        xp = backend.get_array_module(h)
        hc = h - h.mean(axis=0, keepdims=True)
        cov = hc.T.dot(hc)
        xp.fill_diagonal(cov, 0)
        cov /= len(h)
        if self.reduce == 'no':
            return cov,
        return utils.force_array(xp.vdot(cov, cov) * h.dtype.type(0.5)),

    def backward(self, indexes, grad_outputs):
        # Built from functions, so it can be differentiated again. The
        # centering needs no term of its own: the centered columns sum to
        # zero.
        F = chainer.functions
        h, = self.get_retained_inputs()
        gy, = grad_outputs
        xp = backend.get_array_module(h.array)
        hc = h - F.broadcast_to(F.mean(h, axis=0, keepdims=True), h.shape)
        off_diag = 1 - xp.eye(h.shape[1], dtype=h.dtype)
        scale = 1. / len(h)
        if self.reduce == 'no':
            g = gy * off_diag
        else:
            cov = F.matmul(hc, hc, transa=True) * off_diag * scale
            g = F.broadcast_to(gy, cov.shape) * cov
        return F.matmul(hc, g + F.transpose(g)) * scale,


def decov(h, reduce='half_squared_sum'):
    """Computes the DeCov loss of ``h``.

    With :math:`C = \\frac{1}{N} (h - \\bar h)^\\top (h - \\bar h)` the loss
    is :math:`\\frac{1}{2}(\\|C\\|_F^2 - \\|\\text{diag}(C)\\|_2^2)`: only
    the covariances between different units are penalized.

    Args:
        h (~chainer.Variable or ndarray): Float activations ``(N, M)``.
        reduce (str): ``'half_squared_sum'`` (scalar) or ``'no'`` (the
            ``(M, M)`` covariance matrix with a zero diagonal).

    Returns:
        ~chainer.Variable: The loss, dtype of ``h``.

    See: `Reducing Overfitting In Deep Networks by Decorrelating
    Representations <https://arxiv.org/abs/1511.06068>`_
    """
    return DeCov(reduce).apply((h,))[0]
