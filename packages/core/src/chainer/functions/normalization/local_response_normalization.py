"""Local response normalization across neighbouring channels."""
from chainer import function_node
from chainer.utils import type_check


def _window_sum(a, half):
    # Sum over channels c - half .. c + half, clipped at the edges. A few
    # shifted adds (n is small) stay exact, unlike a cumulative sum.
    out = a.copy()
    for i in range(1, half + 1):
        out[:, i:] += a[:, :-i]
        out[:, :-i] += a[:, i:]
    return out


class LocalResponseNormalization(function_node.FunctionNode):

    """y = x / (k + alpha * sum of x^2 over n channels) ** beta."""

    def __init__(self, n=5, k=2, alpha=1e-4, beta=.75):
        self.n = n
        self.k = k
        self.alpha = alpha
        self.beta = beta

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.dtype.kind == 'f', x_type.ndim >= 2)

    def forward(self, inputs):
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        x, = inputs
        self.scale = self.k + self.alpha * _window_sum(
            x * x, self.n // 2)
        y = x * self.scale ** -self.beta
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        return LocalResponseNormalizationGrad(self).apply(
            (x, y, grad_outputs[0]))


class LocalResponseNormalizationGrad(function_node.FunctionNode):

    """gx from (x, y, gy) of a local response normalization."""

    def __init__(self, func):
        self.func = func

    def forward(self, inputs):
        x, y, gy = inputs
        f = self.func
        summed = _window_sum(gy * y / f.scale, f.n // 2)
        gx = gy * f.scale ** -f.beta - (2 * f.alpha * f.beta) * x * summed
        return gx.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        # v5 gives no second derivative for this function either.
        raise NotImplementedError(
            'double backpropagation is not supported by '
            'local_response_normalization')


def local_response_normalization(x, n=5, k=2, alpha=1e-4, beta=.75):
    """Local response normalization across channels.

    .. math:: y_i = \\frac{x_i}{\\left(k + \\alpha
              \\sum_{j=\\max(0, i - \\lfloor n/2 \\rfloor)}
              ^{\\min(C - 1, i + \\lfloor n/2 \\rfloor)} x_j^2
              \\right)^\\beta}

    where ``i`` runs over the channel axis (axis 1).

    Args:
        x (~chainer.Variable or ndarray): Float input of shape
            ``(N, C, ...)``.
        n (int): Window size; the window covers ``n // 2`` channels on each
            side.
        k (float): Added to the windowed sum.
        alpha (float): Scale of the windowed sum.
        beta (float): Exponent.

    Returns:
        ~chainer.Variable: Output of the shape and dtype of ``x``.

    See: Section 3.3 of `ImageNet Classification with Deep Convolutional
    Neural Networks <https://www.cs.toronto.edu/~fritz/absps/imagenet.pdf>`_
    """
    return LocalResponseNormalization(n, k, alpha, beta).apply((x,))[0]
