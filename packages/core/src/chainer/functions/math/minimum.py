from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.functions.math import maximum as _maximum


class Minimum(function_node.FunctionNode):

    """Elementwise minimum of two arrays of the same shape."""

    def check_type_forward(self, in_types):
        # v5 requires equal dtypes and shapes (no broadcasting).
        _helpers.check_float_inputs(in_types, ('x1', 'x2'), same_shape=True)

    def forward(self, inputs):
        x1, x2 = inputs
        xp = backend.get_array_module(x1)
        self.retain_inputs((0, 1))
        return utils.force_array(xp.minimum(x1, x2)),

    def backward(self, indexes, grad_outputs):
        x1, x2 = self.get_retained_inputs()
        # Ties send the gradient to x1, as v5 does.
        return _maximum.SelectGrad(x1.array <= x2.array).apply(grad_outputs)


def minimum(x1, x2):
    """Element-wise minimum of input variables.

    Args:
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.
        x2 (:class:`~chainer.Variable` or :ref:`ndarray`): Float input with
            the shape and dtype of ``x1``.

    Returns:
        ~chainer.Variable: Output variable.
    """
    return Minimum().apply((x1, x2))[0]
