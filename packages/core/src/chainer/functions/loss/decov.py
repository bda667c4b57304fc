"""DeCov loss: penalizes covariance between hidden units."""
import chainer
import chainer.functions
from chainer import backend
from chainer.functions.loss import _checks


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
    F = chainer.functions
    _checks.check_reduce(reduce, 'half_squared_sum')
    h = chainer.as_variable(h)
    if h.ndim != 2 or h.dtype.kind != 'f':
        raise ValueError('h must be a 2-d float array, got shape %s and '
                         'dtype %s' % (h.shape, h.dtype))
    xp = backend.get_array_module(h.array)
    hc = h - F.broadcast_to(F.mean(h, axis=0, keepdims=True), h.shape)
    cov = F.matmul(hc, hc, transa=True) * (1. / len(h))
    off_diag = 1 - xp.eye(h.shape[1], dtype=h.dtype)
    cov = cov * off_diag
    if reduce == 'no':
        return cov
    return F.sum(cov * cov) * 0.5
