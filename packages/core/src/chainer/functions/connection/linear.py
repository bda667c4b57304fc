"""Linear (affine) function and its gradient nodes."""
from chainer import function_node
from chainer import utils
from chainer.functions.connection import _common
from chainer.utils import type_check


def _flat(a, n_batch_axes):
    # Collapse the batch axes and the feature axes to one each (a view).
    # Explicit sizes: ``-1`` cannot be inferred for an empty batch.
    rows = utils.size_of_shape(a.shape[:n_batch_axes])
    return a.reshape(rows, utils.size_of_shape(a.shape[n_batch_axes:]))


class LinearFunction(function_node.FunctionNode):

    """y = x W^T + b, with any number of leading batch axes."""

    def __init__(self, n_batch_axes=1):
        self._n_batch_axes = n_batch_axes

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[:2]
        _common.argname((x_type, w_type), ('x', 'W'))
        nb = self._n_batch_axes
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim >= nb + 1,
            w_type.ndim == 2,
        )
        n_feat = 1
        for i in range(nb, type_check.eval(x_type.ndim)):
            n_feat *= x_type.shape[i]
        type_check.expect(n_feat == w_type.shape[1])
        _common.check_bias(in_types, x_type, w_type.shape[0])

    def forward(self, inputs):
        x, W = inputs[:2]
        self.retain_inputs((0, 1))
        self._x_shape = x.shape
        nb = self._n_batch_axes
        y = _flat(x, nb).dot(W.T)
        if y.dtype != x.dtype:
            y = y.astype(x.dtype)
        if len(inputs) == 3:
            # In place: saves one temporary of the output size.
            y += inputs[2]
        return y.reshape(x.shape[:nb] + (W.shape[0],)),

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        nb = self._n_batch_axes
        ret = []
        if 0 in indexes:
            gx, = LinearGradData(self._x_shape, nb).apply((W, gy))
            ret.append(gx)
        if 1 in indexes:
            gW, = LinearGradWeight(nb).apply((x, gy))
            ret.append(gW)
        if 2 in indexes:
            ret.append(_common.sum_axes(gy, tuple(range(nb))))
        return ret


class LinearGradData(function_node.FunctionNode):

    """gx = gy W, reshaped to the shape of x."""

    def __init__(self, x_shape, n_batch_axes=1):
        self._x_shape = x_shape
        self._n_batch_axes = n_batch_axes

    def forward(self, inputs):
        W, gy = inputs
        self.retain_inputs((0, 1))
        gx = _flat(gy, self._n_batch_axes).dot(W)
        return utils.force_array(gx, gy.dtype).reshape(self._x_shape),

    def backward(self, indexes, grad_outputs):
        W, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        nb = self._n_batch_axes
        ret = []
        if 0 in indexes:
            gW, = LinearGradWeight(nb).apply((ggx, gy))
            ret.append(gW)
        if 1 in indexes:
            ggy, = LinearFunction(nb).apply((ggx, W))
            ret.append(ggy)
        return ret


class LinearGradWeight(function_node.FunctionNode):

    """gW = gy^T x over all batch rows."""

    def __init__(self, n_batch_axes=1):
        self._n_batch_axes = n_batch_axes

    def forward(self, inputs):
        x, gy = inputs
        self.retain_inputs((0, 1))
        nb = self._n_batch_axes
        gW = _flat(gy, nb).T.dot(_flat(x, nb))
        return utils.force_array(gW, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, gy = self.get_retained_inputs()
        ggW, = grad_outputs
        nb = self._n_batch_axes
        ret = []
        if 0 in indexes:
            gx, = LinearGradData(x.shape, nb).apply((ggW, gy))
            ret.append(gx)
        if 1 in indexes:
            ggy, = LinearFunction(nb).apply((x, ggW))
            ret.append(ggy)
        return ret


def linear(x, W, b=None, n_batch_axes=1):
    """Linear function, or affine transformation.

    It computes :math:`Y = xW^\\top + b`.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(s_1, ..., s_B, t_1, ..., t_n)` where the first
            ``n_batch_axes`` axes are batch axes and the rest are flattened
            into one feature axis of size :math:`N = t_1 \\cdots t_n`.
        W (~chainer.Variable or ndarray): Weight of shape :math:`(M, N)`.
        b (~chainer.Variable or ndarray): Optional bias of shape
            :math:`(M,)`.
        n_batch_axes (int): Number of batch axes (at least 1).

    Returns:
        ~chainer.Variable: Output of shape :math:`(s_1, ..., s_B, M)`.

    .. admonition:: Example

        >>> x = np.ones((3, 4), np.float32)
        >>> W = np.ones((5, 4), np.float32)
        >>> F.linear(x, W).shape
        (3, 5)
    """
    if n_batch_axes <= 0:
        raise ValueError('n_batch_axes should be greater than 0.')
    return _common.apply_with_bias(LinearFunction(int(n_batch_axes)), x, W,
                                   b)

