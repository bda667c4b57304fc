"""Cross-covariance loss between two sets of features."""
import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


def _centered(v):
    F = chainer.functions
    return v - F.broadcast_to(F.mean(v, axis=0, keepdims=True), v.shape)


class CrossCovariance(function_node.FunctionNode):

    """Covariance matrix of ``y`` and ``z`` or half its squared norm."""

    def __init__(self, reduce='half_squared_sum'):
        _checks.check_reduce(reduce, 'half_squared_sum')
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)
        type_check.argname(in_types, ('y', 'z'))
        y_type, z_type = in_types
        type_check.expect(
            y_type.dtype.kind == 'f',
            y_type.dtype == z_type.dtype,
            y_type.ndim == 2,
            z_type.ndim == 2,
            y_type.shape[0] == z_type.shape[0],
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, z = inputs
        xp = backend.get_array_module(y)
        cov = (y - y.mean(axis=0, keepdims=True)).T.dot(
            z - z.mean(axis=0, keepdims=True))
        cov /= len(y)
        if self.reduce == 'no':
            return cov,
        return utils.force_array(xp.vdot(cov, cov) * y.dtype.type(0.5)),

    def backward(self, indexes, grad_outputs):
        # Built from functions, so it can be differentiated again. The
        # centering needs no term of its own: the centered columns sum to
        # zero.
        F = chainer.functions
        y, z = self.get_retained_inputs()
        gy, = grad_outputs
        yc, zc = _centered(y), _centered(z)
        scale = 1. / len(y)
        if self.reduce == 'no':
            g = gy
        else:
            cov = F.matmul(yc, zc, transa=True) * scale
            g = F.broadcast_to(gy, cov.shape) * cov
        ret = []
        if 0 in indexes:
            ret.append(F.matmul(zc, g, transb=True) * scale)
        if 1 in indexes:
            ret.append(F.matmul(yc, g) * scale)
        return ret


def cross_covariance(y, z, reduce='half_squared_sum'):
    """Computes the sum-squared cross-covariance penalty.

    With :math:`C = \\frac{1}{N} (y - \\bar y)^\\top (z - \\bar z)`, the
    loss is :math:`\\frac{1}{2} \\sum_{ij} C_{ij}^2`.

    Args:
        y (~chainer.Variable or ndarray): Float ``(N, M)``.
        z (~chainer.Variable or ndarray): ``(N, K)`` of the dtype of ``y``.
        reduce (str): ``'half_squared_sum'`` (scalar) or ``'no'`` (the
            ``(M, K)`` matrix :math:`C`).

    Returns:
        ~chainer.Variable: The penalty, dtype of ``y``.

    See: `Discovering Hidden Factors of Variation in Deep Networks
    <https://arxiv.org/abs/1412.6583>`_
    """
    return CrossCovariance(reduce).apply((y, z))[0]
