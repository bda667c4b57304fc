import numpy

from chainer import function_node
from chainer.utils import type_check


class Transpose(function_node.FunctionNode):

    """Permutes the axes of an array (a view, no copy)."""

    def __init__(self, axes=None):
        self.axes = None if axes is None else tuple(int(a) for a in axes)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        if self.axes is None:
            return
        x_type, = in_types
        type_check.expect(x_type.ndim == len(self.axes))
        ndim = type_check.eval(x_type.ndim)
        normalized = sorted(a % ndim for a in self.axes
                            if -ndim <= a < ndim)
        if normalized != list(range(ndim)):
            raise type_check.InvalidType(
                'axes is a permutation of range({})'.format(ndim),
                'axes={}'.format(self.axes))

    def forward(self, inputs):
        x, = inputs
        return x.transpose(self.axes),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        if self.axes is None:
            return transpose(gy),
        ndim = len(self.axes)
        # Undo the permutation: argsort of the (normalized) axes.
        inv = tuple(numpy.argsort([a % ndim for a in self.axes]).tolist())
        return transpose(gy, inv),


def transpose(x, axes=None):
    """Permutes the dimensions of an input variable without copy.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        axes (tuple of ints): Permutation of the axes. By default the axes
            are reversed.

    Returns:
        ~chainer.Variable: Variable whose axes are permuted.

    .. admonition:: Example

        >>> x = np.zeros((1, 2, 3), np.float32)
        >>> F.transpose(x).shape
        (3, 2, 1)
        >>> F.transpose(x, axes=(1, 0, 2)).shape
        (2, 1, 3)

    """
    y, = Transpose(axes).apply((x,))
    return y
