"""Cross-covariance loss between two sets of features."""
import chainer
import chainer.functions
from chainer.functions.loss import _checks


def _centered(v):
    F = chainer.functions
    return v - F.broadcast_to(F.mean(v, axis=0, keepdims=True), v.shape)


def cross_covariance(y, z, reduce='half_squared_sum'):
    """Computes the sum-squared cross-covariance penalty.

    With :math:`C = \\frac{1}{N} (y - \\bar y)^\\top (z - \\bar z)`, the
    loss is :math:`\\frac{1}{2} \\sum_{ij} C_{ij}^2`.

    Args:
        y (~chainer.Variable or ndarray): Float ``(N, M)``.
        z (~chainer.Variable or ndarray): Float ``(N, K)``.
        reduce (str): ``'half_squared_sum'`` (scalar) or ``'no'`` (the
            ``(M, K)`` matrix :math:`C`).

    Returns:
        ~chainer.Variable: The penalty, dtype of ``y``.

    See: `Discovering Hidden Factors of Variation in Deep Networks
    <https://arxiv.org/abs/1412.6583>`_
    """
    F = chainer.functions
    _checks.check_reduce(reduce, 'half_squared_sum')
    y = chainer.as_variable(y)
    z = chainer.as_variable(z)
    if y.ndim != 2 or z.ndim != 2 or y.shape[0] != z.shape[0]:
        raise ValueError('y and z must be 2-d with the same number of rows, '
                         'got %s and %s' % (y.shape, z.shape))
    if y.dtype.kind != 'f' or y.dtype != z.dtype:
        raise ValueError('y and z must have the same float dtype')
    cov = F.matmul(_centered(y), _centered(z), transa=True) * (
        1. / len(y))
    if reduce == 'no':
        return cov
    return F.sum(cov * cov) * 0.5
