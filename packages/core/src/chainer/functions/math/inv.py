import chainer.functions
from chainer import function_node
from chainer.functions.math import _helpers
from chainer.functions.math import _linalg
from chainer.utils import type_check


class _InvBase(function_node.FunctionNode):

    _ndim = None

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('a',))
        a_type, = in_types
        type_check.expect(a_type.ndim == self._ndim)
        type_check.expect(a_type.shape[-1] == a_type.shape[-2])

    def forward(self, inputs):
        a, = inputs
        # d A^{-1} = -A^{-1} dA A^{-1}: the output is all backward needs.
        self.retain_outputs((0,))
        return _linalg.inv(a),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        matmul = chainer.functions.matmul
        return -matmul(matmul(y, gy, transa=True), y, transb=True),


class Inv(_InvBase):

    """Inverse of one square matrix."""

    _ndim = 2


class BatchInv(_InvBase):

    """Inverses of a batch of square matrices."""

    _ndim = 3


def inv(a):
    """Computes the inverse of square matrix.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): Float array of
            shape ``(n, n)``.

    Returns:
        ~chainer.Variable: Matrix inverse of ``a``.

    Raises:
        ValueError: If ``a`` is singular.
    """
    return Inv().apply((a,))[0]


def batch_inv(a):
    """Computes the inverse of a batch of square matrices.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): Float array of
            shape ``(m, n, n)``: ``m`` square matrices of size ``n``.

    Returns:
        ~chainer.Variable: Inverse of every matrix in the batch.

    Raises:
        ValueError: If any matrix is singular.
    """
    return BatchInv().apply((a,))[0]
