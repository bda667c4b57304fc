import numpy

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Concat(function_node.FunctionNode):

    """Concatenates arrays along an axis."""

    def __init__(self, axis=1):
        if not isinstance(axis, (int, numpy.integer)):
            raise TypeError('axis must be int')
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        x0 = in_types[0]
        type_check.expect(
            -x0.ndim <= self.axis,
            self.axis < x0.ndim,
        )
        ndim = type_check.eval(x0.ndim)
        axis = self.axis % ndim
        for i in range(1, type_check.eval(in_types.size())):
            type_check.expect(
                x0.dtype == in_types[i].dtype,
                x0.ndim == in_types[i].ndim,
            )
            for d in range(ndim):
                if d == axis:
                    continue
                type_check.expect(x0.shape[d] == in_types[i].shape[d])

    def forward(self, xs):
        xp = backend.get_array_module(*xs)
        self._sizes = [x.shape[self.axis] for x in xs]
        return xp.concatenate(xs, axis=self.axis),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        if len(self._sizes) == 1:
            return gy,
        sections = numpy.cumsum(self._sizes[:-1]).tolist()
        return chainer.functions.split_axis(gy, sections, self.axis)


def concat(xs, axis=1):
    """Concatenates given variables along an axis.

    Args:
        xs (tuple of ~chainer.Variable or ndarray): Input variables. They
            must have the same dtype, ndim and shape except along ``axis``.
        axis (int): The axis along which the arrays are joined.

    Returns:
        ~chainer.Variable: The concatenated variable.

    .. admonition:: Example

        >>> x = np.arange(0, 12).reshape(3, 4)
        >>> y = np.arange(0, 3).reshape(3, 1)
        >>> F.concat((x, y), axis=1).array
        array([[ 0,  1,  2,  3,  0],
               [ 4,  5,  6,  7,  1],
               [ 8,  9, 10, 11,  2]])

    """
    y, = Concat(axis).apply(xs)
    return y
