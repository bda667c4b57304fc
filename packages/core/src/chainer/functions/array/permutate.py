import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer import function_node
from chainer.utils import type_check


def _check_indices(indices):
    if len(indices) == 0:
        return
    # A permutation is a bijection of range(len).
    indices = cuda.to_cpu(indices)
    if not numpy.array_equal(numpy.sort(indices), numpy.arange(len(indices))):
        raise ValueError('indices must be a permutation')


def _inverse(xp, indices):
    inv = xp.empty_like(indices)
    inv[indices] = xp.arange(len(indices), dtype=indices.dtype)
    return inv


class Permutate(function_node.FunctionNode):

    """Reorders an array along an axis by a permutation."""

    def __init__(self, axis=0, inv=False):
        self.axis = axis
        self.inv = inv

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x', 'indices'))
        x_type, ind_type = in_types
        if self.axis < 0:
            type_check.expect(x_type.ndim >= -self.axis)
        else:
            type_check.expect(x_type.ndim > self.axis)
        type_check.expect(
            ind_type.dtype.kind == 'i',
            ind_type.ndim == 1,
            x_type.shape[self.axis] == ind_type.shape[0],
        )

    def forward(self, inputs):
        x, indices = inputs
        if chainer.is_debug():
            _check_indices(indices)
        xp = backend.get_array_module(x)
        if self.inv:
            indices = _inverse(xp, indices)
        self.retain_inputs((1,))
        return xp.take(x, indices, axis=self.axis),

    def backward(self, indexes, grad_outputs):
        indices, = self.get_retained_inputs()
        gy, = grad_outputs
        return Permutate(self.axis, not self.inv).apply((gy, indices))[0], \
            None


def permutate(x, indices, axis=0, inv=False):
    """Permutates a given variable along an axis.

    It computes ``y[i] = x[indices[i]]`` along ``axis`` (the same as
    ``x.take(indices, axis)``). ``indices`` must be a permutation of
    ``[0, ..., x.shape[axis] - 1]``; in debug mode this is checked and a
    ``ValueError`` raised otherwise. When ``inv`` is ``True`` the inverse
    permutation is applied: ``y[indices[i]] = x[i]``.

    Args:
        x (~chainer.Variable or ndarray): Input variable.
        indices (~chainer.Variable or ndarray): 1-D integer permutation.
        axis (int): Axis that the input array is permutated along.
        inv (bool): If ``True``, ``indices`` is treated as its inverse.

    Returns:
        ~chainer.Variable: Output variable.

    .. admonition:: Example

        >>> x = np.arange(6).reshape((3, 2)).astype(np.float32)
        >>> indices = np.array([2, 0, 1], np.int32)
        >>> F.permutate(x, indices).array
        array([[4., 5.],
               [0., 1.],
               [2., 3.]], dtype=float32)

    """
    y, = Permutate(axis, inv).apply((x, indices))
    return y
