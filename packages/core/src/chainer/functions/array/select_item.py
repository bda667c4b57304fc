import chainer
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class SelectItem(function_node.FunctionNode):

    """Picks ``x[i, t[i]]`` for every row ``i``."""

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            t_type.dtype.kind == 'i',
            x_type.ndim == 2,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
        )

    def forward(self, inputs):
        self.retain_inputs((1,))
        x, t = inputs
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        if chainer.is_debug():
            if not ((0 <= t).all() and (t < x.shape[1]).all()):
                raise ValueError(
                    'Each label `t` need to satisfy `0 <= t < x.shape[1]`')
        xp = backend.get_array_module(x)
        return x[xp.arange(len(t)), t],

    def backward(self, indexes, grad_outputs):
        t, = self.get_retained_inputs()
        gx, = SelectItemGrad(self._in_shape).apply((t, grad_outputs[0]))
        return gx, None


class SelectItemGrad(function_node.FunctionNode):

    """Puts ``gy[i]`` at ``gx[i, t[i]]`` in zeros."""

    def __init__(self, in_shape):
        self._in_shape = in_shape

    def forward(self, inputs):
        self.retain_inputs((0,))
        t, gy = inputs
        xp = backend.get_array_module(gy)
        gx = xp.zeros(self._in_shape, gy.dtype)
        gx[xp.arange(len(t)), t] = gy
        return gx,

    def backward(self, indexes, grad_outputs):
        t, = self.get_retained_inputs()
        ggx, = grad_outputs
        return None, select_item(ggx, t)


def select_item(x, t):
    """Selects elements stored in given indices.

    It returns ``t.choose(x.T)``, that is ``y[i] == x[i, t[i]]`` for all
    ``i``.

    Args:
        x (~chainer.Variable or ndarray): Variable of shape ``(B, N)``.
        t (~chainer.Variable or ndarray): Integer array of shape ``(B,)``;
            each value must be in ``[0, N)`` (checked in debug mode).

    Returns:
        ~chainer.Variable: Variable of shape ``(B,)`` holding the selected
        elements of ``x``.

    .. admonition:: Example

        >>> x = np.array([[0, 1, 2], [3, 4, 5]], np.float32)
        >>> t = np.array([0, 2], np.int32)
        >>> F.select_item(x, t).array
        array([0., 5.], dtype=float32)

    """
    y, = SelectItem().apply((x, t))
    return y
