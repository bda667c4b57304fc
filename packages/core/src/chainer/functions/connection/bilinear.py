"""Bilinear function, composed from differentiable ops."""
import chainer.functions
from chainer.utils import type_check


def _check(e1, e2, W, V1, V2, b):
    def fail(expect, actual):
        raise type_check.InvalidType(expect, actual)
    n = e1.shape[0]
    if len(e1.shape) < 2 or len(e2.shape) < 2 or e2.shape[0] != n:
        fail('e1 and e2 of shape (batch, ...) with equal batch sizes',
             'e1.shape = %s, e2.shape = %s' % (tuple(e1.shape),
                                               tuple(e2.shape)))
    j = 1
    for s in e1.shape[1:]:
        j *= s
    k = 1
    for s in e2.shape[1:]:
        k *= s
    if len(W.shape) != 3 or W.shape[:2] != (j, k):
        fail('W.shape == (%d, %d, out_size)' % (j, k),
             'W.shape = %s' % (tuple(W.shape),))
    out = W.shape[2]
    for name, a, want in (('V1', V1, (j, out)), ('V2', V2, (k, out)),
                          ('b', b, (out,))):
        if a is not None and tuple(a.shape) != want:
            fail('%s.shape == %s' % (name, want),
                 '%s.shape = %s' % (name, tuple(a.shape)))
    return n, j, k, out


def bilinear(e1, e2, W, V1=None, V2=None, b=None):
    """Applies a bilinear function based on given parameters.

    .. math::

        y_{i} = \\sum_{j,k} e^1_{j} e^2_{k} W_{jki} + \\sum_j e^1_j V^1_{ji}
        + \\sum_k e^2_k V^2_{ki} + b_i

    for each row of the batch (the linear terms are optional, but all of
    ``V1``, ``V2`` and ``b`` or none of them must be given).

    Args:
        e1 (~chainer.Variable or ndarray): Left input,
            :math:`(n, J)` (trailing axes are flattened).
        e2 (~chainer.Variable or ndarray): Right input,
            :math:`(n, K)` (trailing axes are flattened).
        W (~chainer.Variable or ndarray): Quadratic weight
            :math:`(J, K, L)`.
        V1 (~chainer.Variable or ndarray): Left linear weight
            :math:`(J, L)`.
        V2 (~chainer.Variable or ndarray): Right linear weight
            :math:`(K, L)`.
        b (~chainer.Variable or ndarray): Bias :math:`(L,)`.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, L)`.
    """
    flags = [p is None for p in (V1, V2, b)]
    if any(flags) and not all(flags):
        raise ValueError('All coefficients and bias for linear terms must '
                         'be specified, or none of them')
    n, j, k, out = _check(e1, e2, W, V1, V2, b)
    F = chainer.functions
    e1 = F.reshape(e1, (n, j))
    e2 = F.reshape(e2, (n, k))
    outer = F.broadcast_to(F.reshape(e1, (n, j, 1)), (n, j, k)) * \
        F.broadcast_to(F.reshape(e2, (n, 1, k)), (n, j, k))
    y = F.matmul(F.reshape(outer, (n, j * k)), F.reshape(W, (j * k, out)))
    if V1 is not None:
        y = y + F.matmul(e1, V1) + F.matmul(e2, V2) + F.broadcast_to(
            F.reshape(b, (1, out)), (n, out))
    return y
