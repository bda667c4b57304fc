import chainer.functions
from chainer.utils import type_check


def crelu(x, axis=1):
    """Concatenated Rectified Linear Unit function.

    .. math:: f(x) = (\\max(0, x), \\max(0, -x)).

    The two halves are concatenated along ``axis``. See
    https://arxiv.org/abs/1603.05201.

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`(s_1, s_2, ..., s_N)`-shaped float array.
        axis (int): Axis along which the two halves are concatenated.

    Returns:
        ~chainer.Variable: Output variable; its size along ``axis`` is
        twice that of ``x``.

    .. admonition:: Example

        >>> x = np.array([[-1, 0], [2, -3]], np.float32)
        >>> F.crelu(x, axis=1).array
        array([[0., 0., 1., 0.],
               [2., 0., 0., 3.]], dtype=float32)

    """
    ndim = x.ndim
    if not -ndim <= axis < ndim:
        raise type_check.InvalidType(
            '-x.ndim <= axis < x.ndim',
            'x.ndim={}, axis={}'.format(ndim, axis))
    # A composition of differentiable functions, so every order of
    # derivative is available.
    F = chainer.functions
    return F.concat((F.relu(x), F.relu(-x)), axis=axis)
