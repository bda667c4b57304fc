"""Huber loss (smooth L1)."""
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


class HuberLoss(function_node.FunctionNode):

    """0.5 d^2 where |d| <= delta, else delta (|d| - 0.5 delta)."""

    def __init__(self, delta, reduce='sum_along_second_axis'):
        self.delta = delta
        if reduce not in ('sum_along_second_axis', 'no'):
            # v5's message (capitalized, unlike the other losses).
            raise ValueError(
                "Only 'sum_along_second_axis' and 'no' are valid for "
                "'reduce', but '%s' is given" % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        _checks.check_float_pair(in_types, ('x', 't'))
        if self.reduce == 'sum_along_second_axis':
            type_check.expect(in_types[0].ndim >= 2)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, t = inputs
        xp = backend.get_array_module(x)
        diff = x - t
        a = abs(diff)
        delta = x.dtype.type(self.delta)
        loss = xp.where(a <= delta, 0.5 * diff * diff,
                        delta * (a - 0.5 * delta))
        if self.reduce == 'sum_along_second_axis':
            loss = loss.sum(axis=1)
        return utils.force_array(loss, x.dtype),

    def backward(self, indexes, grad_outputs):
        # d loss / d x = clip(x - t, -delta, delta); clip keeps the second
        # derivative (1 inside the band, 0 outside). v5 reshapes gy to
        # (N, d2, ..., 1, ...), which fails for inputs of ndim > 2; the
        # gradient is put back on axis 1 here instead.
        F = chainer.functions
        x, t = self.get_retained_inputs()
        gy, = grad_outputs
        if self.reduce == 'sum_along_second_axis':
            gy = F.broadcast_to(F.expand_dims(gy, 1), x.shape)
        gx = gy * F.clip(x - t, -float(self.delta), float(self.delta))
        return tuple(gx if i == 0 else -gx for i in indexes)


def huber_loss(x, t, delta, reduce='sum_along_second_axis'):
    """Computes the Huber loss.

    With :math:`d = x - t`, each element contributes
    :math:`\\frac{1}{2} d^2` if :math:`|d| \\le \\delta` and
    :math:`\\delta (|d| - \\frac{1}{2}\\delta)` otherwise.

    Args:
        x (~chainer.Variable or ndarray): Float predictions, ``ndim >= 2``
            for the default reduction.
        t (~chainer.Variable or ndarray): Targets, shape and dtype of ``x``.
        delta (float): Where the loss turns from quadratic to linear.
        reduce (str): ``'sum_along_second_axis'`` (sum over axis 1) or
            ``'no'`` (elementwise).

    Returns:
        ~chainer.Variable: Loss with the dtype of ``x``.
    """
    return HuberLoss(delta, reduce).apply((x, t))[0]
