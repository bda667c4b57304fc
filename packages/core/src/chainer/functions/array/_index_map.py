"""Linear gather/scatter nodes driven by a precomputed index map.

Several array functions (``repeat``, non-constant ``pad``) pick each output
element from one input element. Given ``idx``, the flat input position of
every output element, the forward is ``x.ravel()[idx]`` and the backward
sums gradients back with a bincount; the two are each other's adjoint, so
any order of differentiation works.
"""
from chainer import backend
from chainer import function_node


def gather(x, idx):
    """Returns ``x.ravel()[idx]`` (a new array of the shape of ``idx``)."""
    return x.reshape(-1)[idx]


def scatter_add(gy, idx, in_shape):
    """Sums ``gy`` into an array of ``in_shape`` at flat positions ``idx``."""
    xp = backend.get_array_module(gy)
    size = 1
    for s in in_shape:
        size *= s
    # bincount accumulates repeated positions (in float64), unlike an
    # indexed assignment.
    gx = xp.bincount(idx.reshape(-1), weights=gy.reshape(-1),
                     minlength=size)
    return gx.astype(gy.dtype, copy=False).reshape(in_shape)


class IndexScatter(function_node.FunctionNode):

    """Gradient of a gather: ``gx.ravel()[idx] += gy``."""

    def __init__(self, idx, in_shape):
        self.idx = idx
        self.in_shape = in_shape

    def forward(self, inputs):
        gy, = inputs
        return scatter_add(gy, self.idx, self.in_shape),

    def backward(self, indexes, grad_outputs):
        return IndexGather(self.idx, self.in_shape).apply(grad_outputs)


class IndexGather(function_node.FunctionNode):

    """``y = x.ravel()[idx]``; used as the gradient of IndexScatter."""

    def __init__(self, idx, in_shape):
        self.idx = idx
        self.in_shape = in_shape

    def forward(self, inputs):
        x, = inputs
        return gather(x, self.idx),

    def backward(self, indexes, grad_outputs):
        return IndexScatter(self.idx, self.in_shape).apply(grad_outputs)


def flat_indices(xp, shape):
    """``arange`` of the size of ``shape``, reshaped to ``shape``."""
    size = 1
    for s in shape:
        size *= s
    return xp.arange(size).reshape(shape)
