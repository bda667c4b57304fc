from chainer import backend
from chainer.functions.activation import _unary
from chainer import function_node
from chainer import utils


class LeakyReLU(_unary.FloatUnary):

    """Leaky rectifier: ``x`` for ``x >= 0``, ``slope * x`` otherwise."""

    def __init__(self, slope=0.2):
        self.slope = slope

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # max(x, 0) + slope * min(x, 0): branch-free, much faster than
        # xp.where on random signs.
        y = utils.force_array(xp.maximum(x, x.dtype.type(0)))
        y += xp.minimum(x, x.dtype.type(0)) * x.dtype.type(self.slope)
        # With a positive slope the sign of y is that of x, so only the
        # output is needed; otherwise (slope 0 makes y = -0.0) keep x.
        if self.slope > 0:
            self.retain_outputs((0,))
        else:
            self.retain_inputs((0,))
        return y,

    def backward(self, indexes, grad_outputs):
        if self.slope > 0:
            ref, = self.get_retained_outputs()
        else:
            ref, = self.get_retained_inputs()
        gy, = grad_outputs
        return LeakyReLUGrad(ref.array >= 0, self.slope).apply((gy,))


class LeakyReLUGrad(function_node.FunctionNode):

    """Scales ``gy`` by 1 or ``slope``; linear in ``gy``."""

    def __init__(self, positive, slope):
        self.positive = positive
        self.slope = slope

    def forward(self, inputs):
        gy, = inputs
        # Factor 1 where positive, slope elsewhere, without xp.where.
        f = self.positive.astype(gy.dtype)
        f *= gy.dtype.type(1 - self.slope)
        f += gy.dtype.type(self.slope)
        return utils.force_array(gy * f, gy.dtype),

    def backward(self, indexes, grad_outputs):
        return LeakyReLUGrad(self.positive, self.slope).apply(grad_outputs)


def leaky_relu(x, slope=0.2):
    """Leaky Rectified Linear Unit function.

    .. math::
        f(x) = \\left \\{ \\begin{array}{ll}
        x  & {\\rm if}~ x \\ge 0 \\\\
        ax & {\\rm if}~ x < 0,
        \\end{array} \\right.

    where :math:`a` is a configurable slope value.

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`(s_1, s_2, ..., s_N)`-shaped float array.
        slope (float): Slope value :math:`a`.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([[-1, 0], [2, -3], [-2, 1]], np.float32)
        >>> F.leaky_relu(x, slope=0.2).array
        array([[-0.2,  0. ],
               [ 2. , -0.6],
               [-0.4,  1. ]], dtype=float32)

    """
    y, = LeakyReLU(slope).apply((x,))
    return y
