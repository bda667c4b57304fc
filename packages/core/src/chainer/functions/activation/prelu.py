import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


def _w_shape(x_ndim, w_shape):
    # W covers the axes right after the batch axis; the rest broadcast.
    return (1,) + tuple(w_shape) + (1,) * (x_ndim - len(w_shape) - 1)


class PReLUFunction(function_node.FunctionNode):

    """Parametric ReLU: ``x`` where ``x >= 0``, ``W * x`` elsewhere."""

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x', 'W'))
        x_type, w_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype == x_type.dtype,
            x_type.ndim >= w_type.ndim + 1,
            x_type.shape[1:1 + type_check.eval(w_type.ndim)] ==
            w_type.shape,
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs
        xp = backend.get_array_module(x)
        w = W.reshape(_w_shape(x.ndim, W.shape))
        # max(x, 0) + W * min(x, 0): branch-free, faster than xp.where.
        y = utils.force_array(xp.maximum(x, x.dtype.type(0)))
        y += xp.minimum(x, x.dtype.type(0)) * w
        return y,

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        F = chainer.functions
        positive = x.array >= 0
        xp = backend.get_array_module(positive)
        zero = xp.zeros((), gy.dtype)
        ret = []
        if 0 in indexes:
            w = F.broadcast_to(
                F.reshape(W, _w_shape(x.ndim, W.shape)), x.shape)
            ret.append(F.where(positive, gy, gy * w))
        if 1 in indexes:
            gw = F.where(positive, F.broadcast_to(zero, x.shape), x * gy)
            gw = F.sum_to(gw, _w_shape(x.ndim, W.shape))
            ret.append(F.reshape(gw, W.shape))
        return ret


def prelu(x, W):
    """Parametric ReLU function.

    It computes :math:`PReLU(x) = \\max(x, W * x)`, where :math:`*` is an
    elementwise multiplication for each sample in the batch. ``W`` covers
    the leading axes of ``x`` after the batch axis and is shared over the
    rest: if ``W`` has shape ``(2, 3, 4)``, ``x`` must have shape
    ``(B, 2, 3, 4, S_1, ..., S_N)``.

    Args:
        x (~chainer.Variable or ndarray): Input variable; its first axis is
            the minibatch axis.
        W (~chainer.Variable or ndarray): Weight variable.

    Returns:
        ~chainer.Variable: Output variable of the shape and dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([[-2., 1.], [3., -4.]], np.float32)
        >>> W = np.array([0.5, 0.25], np.float32)
        >>> F.prelu(x, W).array
        array([[-1.,  1.],
               [ 3., -1.]], dtype=float32)

    """
    y, = PReLUFunction().apply((x, W))
    return y
