import collections.abc

import numpy

import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


def _is_int(x):
    return isinstance(x, (int, numpy.integer)) and not isinstance(x, bool)


class SplitAxis(function_node.FunctionNode):

    """Splits an array into several along an axis."""

    def __init__(self, indices_or_sections, axis):
        if isinstance(indices_or_sections, numpy.ndarray):
            if indices_or_sections.ndim > 1:
                raise TypeError('indices_or_sections must be 1-D')
            indices_or_sections = indices_or_sections.tolist()
        if _is_int(indices_or_sections):
            indices_or_sections = int(indices_or_sections)
        elif isinstance(indices_or_sections, collections.abc.Iterable):
            indices_or_sections = [int(i) for i in indices_or_sections]
            if chainer.is_debug() and \
                    sorted(indices_or_sections) != indices_or_sections:
                raise ValueError('indices_or_sections must be sorted')
        else:
            raise TypeError(
                'indices_or_sections must be integer or 1-D array')
        self.indices_or_sections = indices_or_sections
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.ndim > self.axis, -x_type.ndim <= self.axis)
        ios = self.indices_or_sections
        if isinstance(ios, list):
            if ios:
                max_index = type_check.make_variable(ios[-1], 'max_index')
                type_check.expect(x_type.shape[self.axis] >= max_index)
        else:
            sections = type_check.make_variable(ios, 'sections')
            type_check.expect(
                sections > 0, x_type.shape[self.axis] % sections == 0)

    def forward(self, inputs):
        x, = inputs
        ios = self.indices_or_sections
        xp = backend.get_array_module(x)
        ys = tuple(xp.split(x, ios, self.axis))
        self._shapes = [y.shape for y in ys]
        self._dtype = x.dtype
        return ys

    def backward(self, indexes, grad_outputs):
        xp = None
        grads = []
        for gy, shape in zip(grad_outputs, self._shapes):
            if gy is None:
                if xp is None:
                    xp = backend.get_array_module(
                        *[g for g in grad_outputs if g is not None])
                gy = xp.zeros(shape, self._dtype)
            grads.append(gy)
        return chainer.functions.concat(grads, self.axis),


def split_axis(x, indices_or_sections, axis, force_tuple=True):
    """Splits given variables along an axis.

    Args:
        x (~chainer.Variable or ndarray): A variable to be split.
        indices_or_sections (int or 1-D array): If an integer ``N``, the
            array is divided into ``N`` equal arrays along ``axis`` (the
            size along ``axis`` must be divisible by ``N``). If a sorted
            1-D array of integers, the positions where the array is split.
        axis (int): Axis that the input array is split along.
        force_tuple (bool): If ``True`` (the default) a tuple is returned
            even for a single output; if ``False`` a single output is
            returned as a Variable.

    Returns:
        tuple of ~chainer.Variable or ~chainer.Variable: The pieces.

    .. admonition:: Example

        >>> x = np.arange(6).reshape(2, 3)
        >>> a, b = F.split_axis(x, [1], axis=1)
        >>> b.array
        array([[1, 2],
               [4, 5]])

    """
    res = SplitAxis(indices_or_sections, axis).apply((x,))
    if force_tuple or len(res) != 1:
        return res
    return res[0]
