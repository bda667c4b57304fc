from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class LinearInterpolate(function_node.FunctionNode):

    """``p * x + (1 - p) * y`` for arrays of one shape."""

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('p', 'x', 'y'),
                                    same_shape=True)

    def forward(self, inputs):
        p, x, y = inputs
        self.retain_inputs((0, 1, 2))
        # y + p * (x - y): one subtraction fewer than the textbook form.
        out = x - y
        out *= p
        out += y
        return utils.force_array(out, x.dtype),

    def backward(self, indexes, grad_outputs):
        p, x, y = self.get_retained_inputs()
        g, = grad_outputs
        gp = gx = gy = None
        if 0 in indexes:
            gp = g * (x - y)
        if 1 in indexes:
            gx = g * p
        if 2 in indexes:
            gy = g * (1.0 - p)
        return gp, gx, gy


def linear_interpolate(p, x, y):
    """Elementwise linear-interpolation function.

    .. math:: f(p, x, y) = p x + (1 - p) y.

    Args:
        p (:class:`~chainer.Variable` or :ref:`ndarray`): Weights of ``x``.
        x (:class:`~chainer.Variable` or :ref:`ndarray`): First input.
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Second input.

    Returns:
        ~chainer.Variable: Output variable (all inputs share shape and
        dtype).
    """
    return LinearInterpolate().apply((p, x, y))[0]
