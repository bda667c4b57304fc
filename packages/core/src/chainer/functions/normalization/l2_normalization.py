"""L2 normalization along an axis."""
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class NormalizeL2(function_node.FunctionNode):

    """y = x / (||x||_2 + eps) along ``axis``."""

    def __init__(self, eps=1e-5, axis=1):
        self.eps = eps
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.dtype.kind == 'f')
        ndim = type_check.eval(x_type.ndim)
        for a in self.axis:
            if not -ndim <= a < ndim:
                raise type_check.InvalidType(
                    '-x.ndim <= axis < x.ndim', 'axis == %d, x.ndim == %d'
                    % (a, ndim))

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        norm = xp.sqrt(xp.square(x).sum(axis=self.axis, keepdims=True))
        norm += x.dtype.type(self.eps)
        return (x / norm).astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        # With n = ||x|| and d = n + eps:
        #   gx = gy / d - x * sum(gy * x) / (d^2 * n).
        # Built from functions so that it can be differentiated again.
        F = chainer.functions
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        n = F.sqrt(F.sum(F.square(x), axis=self.axis, keepdims=True))
        n = F.broadcast_to(n, x.shape)
        d = n + self.eps
        dot = F.broadcast_to(
            F.sum(gy * x, axis=self.axis, keepdims=True), x.shape)
        return gy / d - x * dot / (d * d * n),


def normalize(x, eps=1e-5, axis=1):
    """Normalizes vectors to unit L2 norm along an axis.

    .. math:: y = \\frac{x}{\\sqrt{\\sum x^2} + \\epsilon}

    where the sum runs over ``axis``.

    Args:
        x (~chainer.Variable or ndarray): Float array, typically of shape
            ``(N, K)``.
        eps (float): Added to the norm to avoid division by zero.
        axis (int or tuple of ints): Axis along which to normalize.

    Returns:
        ~chainer.Variable: Output of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([[3, 4], [0, 2]], np.float32)
        >>> F.normalize(x, eps=0).array
        array([[0.6, 0.8],
               [0. , 1. ]], dtype=float32)
    """
    if isinstance(axis, int):
        axis = (axis,)
    return NormalizeL2(eps, tuple(axis)).apply((x,))[0]
