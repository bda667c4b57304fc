from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class SquaredDifference(function_node.FunctionNode):

    @property
    def label(self):
        return 'squared_difference'

    def check_type_forward(self, in_types):
        # v5 requires equal shapes (no broadcasting).
        _helpers.check_float_inputs(in_types, ('x1', 'x2'), same_shape=True)

    def forward(self, inputs):
        x1, x2 = inputs
        self.retain_inputs((0, 1))
        d = x1 - x2
        d *= d  # square in place: d is a fresh temporary
        return utils.force_array(d),

    def backward(self, indexes, grad_outputs):
        x1, x2 = self.get_retained_inputs()
        gx = grad_outputs[0] * ((x1 - x2) * 2.0)
        return (gx if 0 in indexes else None,
                -gx if 1 in indexes else None)


def squared_difference(x1, x2):
    """Squared difference of input variables.

    Args:
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.
        x2 (:class:`~chainer.Variable` or :ref:`ndarray`): Float input with
            the shape and dtype of ``x1``.

    Returns:
        ~chainer.Variable: ``(x1 - x2) ** 2`` elementwise.
    """
    return SquaredDifference().apply((x1, x2))[0]
