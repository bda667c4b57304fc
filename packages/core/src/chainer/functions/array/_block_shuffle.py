"""Base of depth2space and space2depth, which move ``r x r`` blocks
between the channel axis and the two spatial axes of a 4-d array."""
from chainer import function_node
from chainer.utils import type_check


class BlockShuffle(function_node.FunctionNode):

    """A node of one float ``(N, C, H, W)`` input ``X`` and block size
    ``r``; subclasses add their divisibility checks."""

    def __init__(self, r):
        self.r = r

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('X',))
        X_type, = in_types
        type_check.expect(
            X_type.dtype.kind == 'f',
            X_type.ndim == 4,
        )
        return X_type
