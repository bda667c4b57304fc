import warnings

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.utils import type_check


def _op(x, trans):
    return x.swapaxes(-1, -2) if trans and x.ndim >= 2 else x


class MatMul(function_node.FunctionNode):

    """Matrix product of (stacks of) matrices, with optional transposes."""

    def __init__(self, transa=False, transb=False):
        self.transa = transa
        self.transb = transb

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('a', 'b'))
        a_type, b_type = in_types
        a_ndim = type_check.eval(a_type.ndim)
        b_ndim = type_check.eval(b_type.ndim)
        type_check.expect(a_type.ndim >= 1, b_type.ndim >= 1)
        # The contracted axis of op(a) and of op(b).
        a_idx = -2 if self.transa and a_ndim > 1 else -1
        if b_ndim == 1:
            b_idx = -1
        else:
            b_idx = -1 if self.transb else -2
        type_check.expect(a_type.shape[a_idx] == b_type.shape[b_idx])
        if a_ndim > 2 or b_ndim > 2:
            a_batch = type_check.eval(a_type.shape)[:-2]
            b_batch = type_check.eval(b_type.shape)[:-2]
            type_check.expect_broadcast_shapes(a_batch, b_batch)

    def forward(self, inputs):
        a, b = inputs
        xp = backend.get_array_module(a)
        self.retain_inputs((0, 1))
        y = xp.matmul(_op(a, self.transa), _op(b, self.transb))
        return utils.force_array(y, a.dtype),

    def backward(self, indexes, grad_outputs):
        a, b = self.get_retained_inputs()
        gy, = grad_outputs
        F = chainer.functions
        ta = self.transa and a.ndim > 1
        tb = self.transb and b.ndim > 1
        # Work on matrices: a 1-D a is a row vector, a 1-D b a column.
        A = F.reshape(a, (1,) + a.shape) if a.ndim == 1 else a
        B = F.reshape(b, b.shape + (1,)) if b.ndim == 1 else b
        g_shape = list(gy.shape)
        if a.ndim == 1:
            g_shape.insert(len(g_shape) - (0 if b.ndim == 1 else 1), 1)
        if b.ndim == 1:
            g_shape.append(1)
        G = F.reshape(gy, tuple(g_shape))
        ga = gb = None
        if 0 in indexes:
            if ta:
                ga = F.matmul(B, G, transa=tb, transb=True)
            else:
                ga = F.matmul(G, B, transb=not tb)
            ga = _fit(ga, a.shape)
        if 1 in indexes:
            if tb:
                gb = F.matmul(G, A, transa=True, transb=ta)
            else:
                gb = F.matmul(A, G, transa=not ta)
            gb = _fit(gb, b.shape)
        return ga, gb


def _fit(g, shape):
    """Sums broadcast batch axes away and restores 1-D shapes."""
    if len(shape) == 1:
        # g is (batch..., 1, k) or (batch..., k, 1): keep only the vector.
        if g.ndim > 2:
            g = chainer.functions.sum(g, axis=tuple(range(g.ndim - 2)))
        return chainer.functions.reshape(g, shape)
    return _helpers.sum_to_shape(g, shape)


def matmul(a, b, transa=False, transb=False):
    """Computes the matrix multiplication of two arrays.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): The left operand.
            Two 1-D arrays give their dot product, 2-D arrays are matrices,
            and arrays with more axes are stacks of matrices in the last two
            axes (stack axes broadcast as in :func:`numpy.matmul`).
        b (:class:`~chainer.Variable` or :ref:`ndarray`): The right operand,
            treated as ``a`` is.
        transa (bool): If ``True``, each matrix of ``a`` is transposed
            (ignored when ``a`` is 1-D).
        transb (bool): If ``True``, each matrix of ``b`` is transposed
            (ignored when ``b`` is 1-D).

    Returns:
        ~chainer.Variable: The result of the matrix multiplication.

    .. admonition:: Example

        >>> a = np.array([[1, 0], [0, 1]], np.float32)
        >>> b = np.array([[4, 1], [2, 2]], np.float32)
        >>> F.matmul(a, b).array
        array([[4., 1.],
               [2., 2.]], dtype=float32)

    """
    return MatMul(transa=transa, transb=transb).apply((a, b))[0]


def _as_batch_matrix(x):
    # v5 treats a 2-D (B, N) operand as B column vectors of shape (N, 1).
    if len(x.shape) == 2:
        return chainer.functions.reshape(x, x.shape + (1,))
    return x


def batch_matmul(a, b, transa=False, transb=False):
    """Computes the batch matrix multiplications of two sets of arrays.

    .. deprecated:: v3.0.0
       Use :func:`~chainer.functions.matmul` instead.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): The left operand;
            a 2-D ``(B, N)`` array is B :math:`N \\times 1` matrices and a 3-D
            ``(B, M, N)`` array is B :math:`M \\times N` matrices.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): The right operand,
            treated as ``a`` is.
        transa (bool): If ``True``, transpose each matrix in ``a``.
        transb (bool): If ``True``, transpose each matrix in ``b``.

    Returns:
        ~chainer.Variable: The batch of products as a 3-D array.
    """
    warnings.warn('batch_matmul is deprecated. Use matmul instead.',
                  DeprecationWarning)
    return matmul(_as_batch_matrix(a), _as_batch_matrix(b), transa, transb)
