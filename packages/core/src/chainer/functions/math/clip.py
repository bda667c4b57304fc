from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class Clip(function_node.FunctionNode):

    """Clips values of an input to a given interval."""

    def __init__(self, x_min, x_max):
        if x_min >= x_max:
            raise ValueError('x_min must be less than x_max.')
        self.x_min = x_min
        self.x_max = x_max

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        return utils.force_array(xp.clip(x, self.x_min, self.x_max), x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        # The gradient passes strictly inside (x_min, x_max), as in v5.
        x = x.array
        cond = (x > self.x_min) & (x < self.x_max)
        return ClipGrad(cond).apply(grad_outputs)


class ClipGrad(function_node.FunctionNode):

    """Masks the gradient; being linear, its own gradient is the same mask."""

    def __init__(self, cond):
        self.cond = cond

    def forward(self, inputs):
        gy, = inputs
        return utils.force_array(gy * self.cond, gy.dtype),

    def backward(self, indexes, grad_outputs):
        return ClipGrad(self.cond).apply(grad_outputs)


def clip(x, x_min, x_max):
    """Clips (limits) elements of input variable.

    Given an interval ``[x_min, x_max]``, elements outside the interval are
    clipped to the interval edges; the gradient is zero there.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.
        x_min (float): Minimum value.
        x_max (float): Maximum value.

    Returns:
        ~chainer.Variable: Output variable, same shape and dtype as ``x``.

    .. admonition:: Example

        >>> F.clip(np.array([-2., 0.5, 3.], np.float32), -1., 1.).array
        array([-1. ,  0.5,  1. ], dtype=float32)

    """
    return Clip(x_min, x_max).apply((x,))[0]
