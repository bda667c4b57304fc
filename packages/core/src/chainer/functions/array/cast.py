import numpy

import chainer
from chainer import function_node
from chainer.functions.math import _helpers


class Cast(function_node.FunctionNode):

    """Casts an array to another dtype."""

    def __init__(self, typ):
        self.type = numpy.dtype(typ)

    def check_type_forward(self, in_types):
        # v5: only floating point inputs can be cast (it is differentiable).
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        self._in_type = x.dtype
        return x.astype(self.type, copy=False),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        if self.type.kind != 'f':
            # No gradient flows back through a cast to a non-float type.
            return None,
        return cast(gy, self._in_type),


def cast(x, typ):
    """Casts an input variable to a given type.

    Args:
        x (~chainer.Variable or ndarray): Input variable (float).
        typ (str or numpy.dtype): Type to cast to.

    Returns:
        ~chainer.Variable: Variable holding the cast array. When ``x``
        already has dtype ``typ`` and backprop is disabled, ``x`` is
        returned as a Variable unchanged.

    .. admonition:: Example

        >>> x = np.arange(0, 3, dtype=np.float64)
        >>> F.cast(x, np.float32).dtype
        dtype('float32')
        >>> F.cast(x, 'float16').dtype
        dtype('float16')

    """
    # Skip the node only when no graph is built: as v5.x does, a cast to
    # the same dtype is otherwise a new node, so its output is a variable of
    # its own whose gradient is not mixed up with the input's.
    if x.dtype == typ and not chainer.config.enable_backprop:
        return chainer.as_variable(x)
    y, = Cast(typ).apply((x,))
    return y
