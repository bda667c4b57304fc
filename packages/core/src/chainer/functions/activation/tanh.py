import numpy

from chainer import backend
from chainer.backends import cuda
from chainer.functions.activation import _unary
from chainer import function_node
from chainer import utils


class Tanh(_unary.FloatUnary):

    """Hyperbolic tangent; backward uses only the output."""

    @property
    def label(self):
        return 'tanh'

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_outputs((0,))
        return utils.force_array(xp.tanh(x)),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return TanhGrad().apply((y, grad_outputs[0]))[:1]

    def _backward_arrays(self, indexes, grad_outputs):
        # Plain backprop (no double backprop): the gradient kernel on arrays.
        return TanhGrad().forward(
            (self._retained_output_data[0], grad_outputs[0]))


class TanhGrad(function_node.FunctionNode):

    """``gx = gy * (1 - y^2)`` as one node, to make few temporaries."""

    def forward(self, inputs):
        y, gy = inputs
        self.retain_inputs((0, 1))
        xp = backend.get_array_module(y)
        if xp is not numpy:
            return cuda.elementwise(
                'T y, T gy', 'T gx', 'gx = gy * (1 - y * y)',
                'chainer_tanh_bwd')(y, gy),
        gx = y * y
        if isinstance(gx, numpy.ndarray):
            # One buffer for the whole expression.
            numpy.subtract(y.dtype.type(1), gx, out=gx)
            gx *= gy
        else:
            gx = (1 - gx) * gy
        return utils.force_array(gx, y.dtype),

    def backward(self, indexes, grad_outputs):
        y, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        g_y = g_gy = None
        if 0 in indexes:
            g_y = ggx * gy * y * -2.0
        if 1 in indexes:
            g_gy = TanhGrad().apply((y, ggx))[0]
        return g_y, g_gy


def tanh(x):
    """Elementwise hyperbolic tangent function.

    .. math:: f(x) = \\tanh(x).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of shape :math:`(s_1, s_2, ..., s_N)`.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.arange(-1, 4, 2).astype(np.float32)
        >>> F.tanh(x).array
        array([-0.7615942,  0.7615942,  0.9950548], dtype=float32)

    """
    return Tanh().apply((x,))[0]
