import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


def _as_tuple(axes, name):
    if isinstance(axes, (int, numpy.integer)) and not isinstance(axes, bool):
        return (int(axes),)
    if isinstance(axes, (tuple, list)) and all(
            isinstance(a, (int, numpy.integer)) and not isinstance(a, bool)
            for a in axes):
        return tuple(int(a) for a in axes)
    raise TypeError('{} must be int or tuple of ints'.format(name))


class Moveaxis(function_node.FunctionNode):

    """Moves axes to new positions (``numpy.moveaxis``)."""

    def __init__(self, source, destination):
        self.source = _as_tuple(source, 'source')
        self.destination = _as_tuple(destination, 'destination')
        if len(self.source) != len(self.destination):
            raise ValueError(
                'Length of source and destination are different.')

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        for a in self.source + self.destination:
            if a >= 0:
                type_check.expect(a < x_type.ndim)
            else:
                type_check.expect(-a - 1 < x_type.ndim)
        ndim = type_check.eval(x_type.ndim)
        for name, axes in (('source', self.source),
                           ('destination', self.destination)):
            if len(set(a % ndim for a in axes)) != len(axes):
                raise ValueError('duplicate value in {} axis: {}'.format(
                    name, axes))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.moveaxis(x, self.source, self.destination),

    def backward(self, indexes, grad_outputs):
        return Moveaxis(self.destination, self.source).apply(grad_outputs)


def moveaxis(x, source, destination):
    """Moves the source axes to the destination.

    Other axes keep their original order.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        source (int or tuple of ints): Original positions of the axes to
            move; they must be unique.
        destination (int or tuple of ints): Destination positions of each
            of the original axes; they must be unique.

    Returns:
        ~chainer.Variable: Variable whose axes are moved.

    .. admonition:: Example

        >>> x = np.zeros((2, 3, 4, 5), np.float32)
        >>> F.moveaxis(x, 0, -1).shape
        (3, 4, 5, 2)
        >>> F.moveaxis(x, (0, 1), (2, 0)).shape
        (3, 4, 2, 5)

    """
    y, = Moveaxis(source, destination).apply((x,))
    return y
