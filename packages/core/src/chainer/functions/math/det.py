import chainer.functions
from chainer import function_node
from chainer.functions.math import _helpers
from chainer.functions.math import _linalg
from chainer.utils import type_check


class BatchDet(function_node.FunctionNode):

    """Determinants of a batch of square matrices."""

    @property
    def label(self):
        return 'det'

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('a',))
        a_type, = in_types
        type_check.expect(a_type.ndim == 3)
        type_check.expect(a_type.shape[-1] == a_type.shape[-2])

    def forward(self, inputs):
        a, = inputs
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        return _linalg.det(a),

    def backward(self, indexes, grad_outputs):
        a, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        F = chainer.functions
        # d det(A)/dA = det(A) A^{-T} (Jacobi's formula).
        inv_t = F.transpose(F.batch_inv(a), (0, 2, 1))
        coef = F.broadcast_to(F.reshape(gy * y, (-1, 1, 1)), a.shape)
        return coef * inv_t,


def batch_det(a):
    """Computes the determinant of a batch of square matrices.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): Float array of
            shape ``(m, n, n)``; the first axis runs over the matrices.

    Returns:
        ~chainer.Variable: Vector of the ``m`` determinants.
    """
    return BatchDet().apply((a,))[0]


def det(a):
    """Computes the determinant of a single square matrix.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): Float array of
            shape ``(n, n)``.

    Returns:
        ~chainer.Variable: Scalar (0-dim) determinant of ``a``.
    """
    shape = a.shape
    if len(shape) != 2:
        raise type_check.InvalidType(
            'a.ndim == 2', 'a.ndim = {}'.format(len(shape)))
    y = batch_det(chainer.functions.reshape(a, (1,) + tuple(shape)))
    return chainer.functions.reshape(y, ())
