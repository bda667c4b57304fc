import chainer.functions


def selu(x, alpha=1.6732632423543772, scale=1.0507009873554805):
    """Scaled Exponential Linear Unit function.

    .. math::
        f(x) = \\lambda \\left \\{ \\begin{array}{ll}
        x & {\\rm if}~ x \\ge 0 \\\\
        \\alpha (\\exp(x) - 1) & {\\rm if}~ x < 0,
        \\end{array} \\right.

    See: https://arxiv.org/abs/1706.02515

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`(s_1, s_2, ..., s_N)`-shaped float array.
        alpha (float): Parameter :math:`\\alpha`.
        scale (float): Parameter :math:`\\lambda`.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([-1., 0., 2.], np.float32)
        >>> F.selu(x).array
        array([-1.1113307,  0.       ,  2.101402 ], dtype=float32)

    """
    return scale * chainer.functions.elu(x, alpha=alpha)
