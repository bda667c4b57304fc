import chainer.functions
from chainer.utils import type_check


def swish(x, beta):
    """Swish activation function.

    .. math:: f(x, \\beta) = x \\cdot \\sigma(\\beta x),

    where :math:`\\sigma` is the sigmoid function, so that
    :math:`f(x, 0) = x / 2` and :math:`f(x, \\beta) \\to \\max(0, x)` as
    :math:`\\beta \\to \\infty`.

    Args:
        x (~chainer.Variable or ndarray): Input variable of shape
            :math:`(s_B, s_1, s_2, ..., s_N)`, where :math:`s_B` is the
            minibatch axis.
        beta (~chainer.Variable or ndarray): Parameter of shape
            :math:`(s_1, ..., s_M)` with :math:`0 \\leq M \\leq N`; it is
            reshaped to :math:`(1, s_1, ..., s_M, 1, ..., 1)` and broadcast
            to ``x``.

    Returns:
        ~chainer.Variable: Output variable of the shape of ``x``.

    .. admonition:: Example

        >>> x = np.array([[-1., 0., 2.]], np.float32)
        >>> beta = np.ones(3, np.float32)
        >>> F.swish(x, beta).array
        array([[-0.2689414,  0.       ,  1.7615942]], dtype=float32)

    """
    x_shape, b_shape = x.shape, beta.shape
    if not (x.dtype.kind == 'f' and beta.dtype == x.dtype and
            len(x_shape) >= len(b_shape) + 1 and
            x_shape[1:1 + len(b_shape)] == b_shape):
        raise type_check.InvalidType(
            'x.dtype.kind == f, beta.dtype == x.dtype, '
            'x.ndim >= beta.ndim + 1, x.shape[1:1 + beta.ndim] == beta.shape',
            'x: {} {}, beta: {} {}'.format(
                x.dtype, x_shape, beta.dtype, b_shape))
    F = chainer.functions
    # A composition of differentiable functions: double backprop works.
    shape = (1,) + b_shape + (1,) * (len(x_shape) - len(b_shape) - 1)
    b = F.broadcast_to(F.reshape(beta, shape), x_shape)
    return x * F.sigmoid(b * x)
