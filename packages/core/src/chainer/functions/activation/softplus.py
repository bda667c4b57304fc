import chainer.functions
from chainer import backend
from chainer.functions.activation import _unary
from chainer import utils


class Softplus(_unary.FloatUnary):

    """Softplus ``log(1 + exp(beta * x)) / beta``."""

    def __init__(self, beta=1.0):
        self.beta = float(beta)
        self.beta_inv = 1.0 / self.beta

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        bx = utils.force_array(x * x.dtype.type(self.beta))
        # log(1 + exp(t)) = max(t, 0) + log1p(exp(-|t|)) never overflows and
        # keeps precision for large negative t.
        y = xp.log1p(xp.exp(-abs(bx)))
        y += xp.maximum(bx, 0)
        y *= x.dtype.type(self.beta_inv)
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        return gy * chainer.functions.sigmoid(x * self.beta),


def softplus(x, beta=1.0):
    """Element-wise softplus function.

    The softplus function is a smooth approximation of ReLU:

    .. math:: f(x) = \\frac{1}{\\beta}\\log(1 + \\exp(\\beta x)),

    where :math:`\\beta` is a parameter; the larger it is, the closer the
    function is to ReLU. It is computed without overflow for any ``x``.

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`(s_1, s_2, ..., s_N)`-shaped float array.
        beta (float): Parameter :math:`\\beta`.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.arange(-2, 3, 2).astype(np.float32)
        >>> F.softplus(x, beta=1.0).array
        array([0.126928 , 0.6931472, 2.126928 ], dtype=float32)

    """
    y, = Softplus(beta=beta).apply((x,))
    return y
