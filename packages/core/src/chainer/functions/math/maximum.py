import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class Maximum(function_node.FunctionNode):

    """Elementwise maximum of two arrays of the same shape."""

    def check_type_forward(self, in_types):
        # v5 requires equal dtypes and shapes (no broadcasting).
        _helpers.check_float_inputs(in_types, ('x1', 'x2'), same_shape=True)

    def forward(self, inputs):
        x1, x2 = inputs
        xp = backend.get_array_module(x1)
        self.retain_inputs((0, 1))
        return utils.force_array(xp.maximum(x1, x2)),

    def backward(self, indexes, grad_outputs):
        x1, x2 = self.get_retained_inputs()
        # Ties send the gradient to x1, as v5 does.
        return SelectGrad(x1.array >= x2.array).apply(grad_outputs)


class SelectGrad(function_node.FunctionNode):

    """Routes ``gy`` to the first output where ``cond`` holds, else the second.

    Shared by :func:`maximum` and :func:`minimum`.
    """

    def __init__(self, cond):
        self.cond = cond

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        zero = gy.dtype.type(0)
        gx1 = utils.force_array(xp.where(self.cond, gy, zero), gy.dtype)
        gx2 = utils.force_array(xp.where(self.cond, zero, gy), gy.dtype)
        return gx1, gx2

    def backward(self, indexes, grad_outputs):
        g1, g2 = grad_outputs
        # A missing output gradient means zero.
        if g1 is None:
            g1 = _zeros_like(g2)
        if g2 is None:
            g2 = _zeros_like(g1)
        return chainer.functions.where(self.cond, g1, g2),


def _zeros_like(v):
    xp = backend.get_array_module(v.array)
    return xp.zeros_like(v.array)


def maximum(x1, x2):
    """Element-wise maximum of input variables.

    Args:
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.
        x2 (:class:`~chainer.Variable` or :ref:`ndarray`): Float input with
            the shape and dtype of ``x1``.

    Returns:
        ~chainer.Variable: Output variable.
    """
    return Maximum().apply((x1, x2))[0]
