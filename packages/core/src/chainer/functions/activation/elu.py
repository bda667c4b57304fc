from chainer import backend
from chainer.functions.activation import _numerics
from chainer.functions.activation import _unary
from chainer import function_node
from chainer import utils


class ELU(_unary.FloatUnary):

    """Exponential linear unit."""

    def __init__(self, alpha=1.0):
        self.alpha = float(alpha)

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        # v5 computes alpha * (exp(x) - 1), not expm1; kept for equal
        # results.
        # max(x, 0) + alpha * (exp(min(x, 0)) - 1): the second term is
        # exactly 0 for x >= 0; branch-free, faster than xp.where.
        y = _numerics.exp(xp, utils.force_array(xp.minimum(x, 0)))
        y -= 1
        y *= x.dtype.type(self.alpha)
        y += xp.maximum(x, 0)
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        return ELUGrad(self.alpha).apply((x,))[0] * gy,


class ELUGrad(function_node.FunctionNode):

    """Derivative of ELU: 1 for ``x >= 0``, ``alpha * exp(x)`` otherwise."""

    def __init__(self, alpha):
        self.alpha = alpha

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        e = xp.exp(xp.minimum(x, 0)) * x.dtype.type(self.alpha)
        m = (x >= 0).astype(x.dtype)
        # e * (1 - m) + m is exactly 1 or alpha * exp(x).
        return utils.force_array(e * (1 - m) + m, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        ggx, = grad_outputs
        xp = backend.get_array_module(x.array)
        # d/dx of the derivative: 0 for x >= 0, alpha * exp(x) otherwise.
        d = xp.exp(xp.minimum(x.array, 0)) * x.dtype.type(self.alpha)
        d *= (x.array < 0)
        return ggx * utils.force_array(d, x.dtype),


def elu(x, alpha=1.0):
    """Exponential Linear Unit function.

    .. math::
        f(x) = \\left \\{ \\begin{array}{ll}
        x & {\\rm if}~ x \\ge 0 \\\\
        \\alpha (\\exp(x) - 1) & {\\rm if}~ x < 0,
        \\end{array} \\right.

    See: https://arxiv.org/abs/1511.07289

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`(s_1, s_2, ..., s_N)`-shaped float array.
        alpha (float): Parameter :math:`\\alpha`.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([[-1, 0], [2, -3]], np.float32)
        >>> F.elu(x, alpha=1.).array
        array([[-0.63212055,  0.        ],
               [ 2.        , -0.95021296]], dtype=float32)

    """
    y, = ELU(alpha=alpha).apply((x,))
    return y
