"""Zoneout: randomly keep the previous hidden state."""
import chainer
from chainer import backend
from chainer import function_node
from chainer.functions.loss import _checks
from chainer.utils import argument


class Zoneout(function_node.FunctionNode):

    """y = h where a random flag is set (probability ratio), else x."""

    def __init__(self, zoneout_ratio):
        self.zoneout_ratio = zoneout_ratio

    def check_type_forward(self, in_types):
        _checks.check_float_pair(in_types, ('h', 'x'))

    def forward(self, inputs):
        h, x = inputs
        xp = backend.get_array_module(x)
        # As v5, one float64 uniform per element on both backends.
        flag_x = xp.random.rand(*x.shape) >= self.zoneout_ratio
        self.flag_x = flag_x.astype(x.dtype)
        self.flag_h = (~flag_x).astype(x.dtype)
        return h * self.flag_h + x * self.flag_x,

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(gy * self.flag_h)
        if 1 in indexes:
            ret.append(gy * self.flag_x)
        return ret


def zoneout(h, x, ratio=.5, **kwargs):
    """zoneout(h, x, ratio=.5)

    Drops elements of the new state and keeps the previous ones instead.

    In training mode each element of the output is taken from the previous
    hidden state ``h`` with probability ``ratio`` and from the new state
    ``x`` otherwise. Outside training mode ``x`` itself is returned.

    Args:
        h (~chainer.Variable or ndarray): Previous hidden state.
        x (~chainer.Variable or ndarray): New hidden state, shape and dtype
            of ``h``.
        ratio (float): Probability of keeping ``h``.

    Returns:
        ~chainer.Variable: Output of the shape of ``x``.

    See: `Zoneout: Regularizing RNNs by Randomly Preserving Hidden
    Activations <https://arxiv.org/abs/1606.01305>`_
    """
    argument.check_unexpected_kwargs(
        kwargs, train='train argument is not supported anymore. '
        'Use chainer.using_config')
    argument.assert_kwargs_empty(kwargs)
    if chainer.config.train:
        return Zoneout(ratio).apply((h, x))[0]
    # v5 hands ``x`` back as given (an array stays an array).
    return x
