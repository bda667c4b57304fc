import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class Sin(_helpers.UnaryElementwise):
    _name = 'sin'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] * chainer.functions.cos(x),

    # Plain backprop (no double backprop) runs on arrays, skipping the
    # Variable machinery; it must equal ``backward`` numerically.
    def _backward_arrays(self, indexes, grad_outputs):
        x = self.inputs[0].data
        xp = backend.get_array_module(x)
        return utils.force_array(grad_outputs[0] * xp.cos(x)),


class Cos(_helpers.UnaryElementwise):
    _name = 'cos'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] * -chainer.functions.sin(x),

    # Plain backprop (no double backprop) runs on arrays, skipping the
    # Variable machinery; it must equal ``backward`` numerically.
    def _backward_arrays(self, indexes, grad_outputs):
        x = self.inputs[0].data
        xp = backend.get_array_module(x)
        return utils.force_array(grad_outputs[0] * -xp.sin(x)),


class Tan(_helpers.UnaryElementwise):
    _name = 'tan'

    def backward(self, indexes, grad_outputs):
        # v5 divides by cos(x)^2 (not 1 + tan(x)^2): the same rounding.
        x, = self.get_retained_inputs()
        F = chainer.functions
        return grad_outputs[0] / F.square(F.cos(x)),


class Arcsin(_helpers.UnaryElementwise):
    _name = 'arcsin'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] * chainer.functions.rsqrt(1.0 - x * x),


class Arccos(_helpers.UnaryElementwise):
    _name = 'arccos'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] * -chainer.functions.rsqrt(1.0 - x * x),


class Arctan(_helpers.UnaryElementwise):
    _name = 'arctan'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] / (x * x + 1.0),


class Arctan2(function_node.FunctionNode):

    @property
    def label(self):
        return 'arctan2'

    def check_type_forward(self, in_types):
        # v5 accepts two float dtypes and promotes them.
        _helpers.check_float_inputs(in_types, ('x1', 'x2'),
                                    same_dtype=False)

    def forward(self, inputs):
        x1, x2 = inputs
        xp = backend.get_array_module(x1)
        self.retain_inputs((0, 1))
        return utils.force_array(xp.arctan2(x1, x2)),

    def backward(self, indexes, grad_outputs):
        x1, x2 = self.get_retained_inputs()
        dt1, dt2 = x1.dtype, x2.dtype
        # Mixed dtypes: compute in the promoted dtype, as the output is.
        x1 = _as_dtype(x1, grad_outputs[0].dtype)
        x2 = _as_dtype(x2, grad_outputs[0].dtype)
        gy = grad_outputs[0] / (x1 * x1 + x2 * x2)
        g1 = g2 = None
        # The inputs may broadcast: sum the gradients back to their shapes.
        if 0 in indexes:
            g1 = _as_dtype(_helpers.sum_to_shape(gy * x2, x1.shape), dt1)
        if 1 in indexes:
            g2 = _as_dtype(_helpers.sum_to_shape(gy * -x1, x2.shape), dt2)
        return g1, g2


def _as_dtype(g, dtype):
    return g if g.dtype == dtype else chainer.functions.cast(g, dtype)


def sin(x):
    """Elementwise sin function.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Sin().apply((x,))[0]


def cos(x):
    """Elementwise cos function.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Cos().apply((x,))[0]


def tan(x):
    """Elementwise tan function.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Tan().apply((x,))[0]


def arcsin(x):
    """Elementwise arcsine function.

    .. math:: y_i = \\arcsin x_i.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Arcsin().apply((x,))[0]


def arccos(x):
    """Elementwise arccosine function.

    .. math:: y_i = \\arccos x_i.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Arccos().apply((x,))[0]


def arctan(x):
    """Elementwise arctangent function.

    .. math:: y_i = \\arctan x_i.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Arctan().apply((x,))[0]


def arctan2(x1, x2):
    """Elementwise arctangent function with two arguments.

    Args:
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Y-coordinates.
        x2 (:class:`~chainer.Variable` or :ref:`ndarray`): X-coordinates.

    Returns:
        ~chainer.Variable: Angles in radians, in :math:`[-\\pi, \\pi]`.
    """
    return Arctan2().apply((x1, x2))[0]
