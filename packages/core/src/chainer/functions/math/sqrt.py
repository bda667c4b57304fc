from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class Sqrt(function_node.FunctionNode):

    @property
    def label(self):
        return 'sqrt'

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # d sqrt(x)/dx = 1 / (2 sqrt(x)) is a function of the output alone.
        self.retain_outputs((0,))
        return utils.force_array(xp.sqrt(x)),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return grad_outputs[0] / (y * 2.0),


class Rsqrt(function_node.FunctionNode):

    @property
    def label(self):
        return 'rsqrt'

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_outputs((0,))
        y = xp.sqrt(x)
        if isinstance(y, xp.ndarray):
            xp.reciprocal(y, out=y)  # reuse the buffer sqrt allocated
        else:
            y = xp.reciprocal(y)
        return utils.force_array(y),

    def backward(self, indexes, grad_outputs):
        # d x^(-1/2)/dx = -x^(-3/2) / 2 = -y^3 / 2
        y, = self.get_retained_outputs()
        return grad_outputs[0] * (y * y * y) * -0.5,


def sqrt(x):
    """Elementwise square root function.

    .. math:: y_i = \\sqrt x_i.

    Negative inputs give NaN, as in NumPy and CuPy.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.
    """
    return Sqrt().apply((x,))[0]


def rsqrt(x):
    """Computes elementwise reciprocal of square root of input :math:`x_i`.

    .. math:: y_i = {1 \\over \\sqrt x_i}.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.

    .. seealso:: :func:`~chainer.functions.sqrt`
    """
    return Rsqrt().apply((x,))[0]
