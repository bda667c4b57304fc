from chainer import backend
from chainer.functions.activation import _unary
from chainer import function_node
from chainer import utils


class ClippedReLU(_unary.FloatUnary):

    """Clipped rectifier: ``min(max(0, x), z)``."""

    def __init__(self, z):
        if not isinstance(z, float):
            raise TypeError('z must be float value')
        # z must be positive.
        assert z > 0
        self.cap = z

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        return utils.force_array(
            xp.clip(x, x.dtype.type(0), x.dtype.type(self.cap)), x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        mask = (x.array > 0) & (x.array < self.cap)
        return ClippedReLUGrad(mask).apply((gy,))


class ClippedReLUGrad(function_node.FunctionNode):

    """Passes ``gy`` where ``mask`` (``0 < x < z``) holds.

    It is linear in ``gy`` with a fixed mask, so it is its own gradient.
    """

    def __init__(self, mask):
        self.mask = mask

    def forward(self, inputs):
        gy, = inputs
        return utils.force_array(gy * self.mask, gy.dtype),

    def backward(self, indexes, grad_outputs):
        return ClippedReLUGrad(self.mask).apply(grad_outputs)


def clipped_relu(x, z=20.0):
    """Clipped Rectifier Unit function.

    For a clipping value :math:`z (> 0)` it computes
    :math:`\\text{ClippedReLU}(x, z) = \\min(\\max(0, x), z)`.

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`(s_1, s_2, ..., s_n)`-shaped float array.
        z (float): Clipping value (default 20.0).

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([-2., 1., 30.], np.float32)
        >>> F.clipped_relu(x, z=10.0).array
        array([ 0.,  1., 10.], dtype=float32)

    """
    y, = ClippedReLU(z).apply((x,))
    return y
