from chainer import backend
from chainer.functions.activation import _unary
from chainer import function_node
from chainer import utils


class HardSigmoid(_unary.FloatUnary):

    """Piecewise-linear approximation of the sigmoid."""

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        y = utils.force_array(x * x.dtype.type(0.2))
        y += x.dtype.type(0.5)
        xp.clip(y, 0, 1, out=y)
        self.retain_inputs((0,))
        return y,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        mask = (-2.5 < x.array) & (x.array < 2.5)
        return HardSigmoidGrad(mask).apply((gy,))


class HardSigmoidGrad(function_node.FunctionNode):

    """Multiplies ``gy`` by 0.2 inside ``(-2.5, 2.5)``; linear in ``gy``."""

    def __init__(self, mask):
        self.mask = mask

    def forward(self, inputs):
        gy, = inputs
        return utils.force_array(
            gy * (self.mask * gy.dtype.type(0.2)), gy.dtype),

    def backward(self, indexes, grad_outputs):
        return HardSigmoidGrad(self.mask).apply(grad_outputs)


def hard_sigmoid(x):
    """Element-wise hard-sigmoid function.

    .. math::
        f(x) = \\left \\{ \\begin{array}{ll}
        0 & {\\rm if}~ x < -2.5 \\\\
        0.2 x + 0.5 & {\\rm if}~ -2.5 < x < 2.5 \\\\
        1 & {\\rm if}~ 2.5 < x.
        \\end{array} \\right.

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`(s_1, s_2, ..., s_N)`-shaped float array.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([-2.6, -1, 0, 1, 2.6])
        >>> F.hard_sigmoid(x).array
        array([0. , 0.3, 0.5, 0.7, 1. ])

    """
    y, = HardSigmoid().apply((x,))
    return y
