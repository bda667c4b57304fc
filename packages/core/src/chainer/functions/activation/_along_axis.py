"""Bases of softmax and log-softmax (normalisations along one axis) and
of their gradient nodes."""
import chainer.functions
from chainer import function_node
from chainer.utils import type_check


class AlongAxis(function_node.FunctionNode):

    """A function of one float input that works along ``axis``."""

    def __init__(self, axis=1):
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            -x_type.ndim <= self.axis,
            self.axis < x_type.ndim,
        )


class AlongAxisGrad(function_node.FunctionNode):

    """A gradient node of ``(y, gy)`` for an :class:`AlongAxis` function."""

    def __init__(self, axis):
        self.axis = axis

    def _sum_back(self, v):
        # Sum along the axis, broadcast back: differentiable (Variables).
        F = chainer.functions
        return F.broadcast_to(F.sum(v, axis=self.axis, keepdims=True),
                              v.shape)
