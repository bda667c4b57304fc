import numbers

import numpy

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.utils import type_check


def _parse_axes(axes, a_ndim, b_ndim):
    """Returns the contracted axes of a and of b as lists of indexes."""
    if isinstance(axes, numbers.Integral):
        if axes < 0 or axes > a_ndim or axes > b_ndim:
            raise ValueError('axes must be in [0, min(a.ndim, b.ndim)]')
        a_axes = list(range(a_ndim - axes, a_ndim))
        b_axes = list(range(axes))
    else:
        try:
            a_axes, b_axes = axes
        except (TypeError, ValueError):
            raise ValueError('axes must be an int or a pair of sequences')
        if isinstance(a_axes, numbers.Integral):
            a_axes = [a_axes]
        if isinstance(b_axes, numbers.Integral):
            b_axes = [b_axes]
        a_axes = [int(i) % a_ndim if a_ndim else int(i) for i in a_axes]
        b_axes = [int(i) % b_ndim if b_ndim else int(i) for i in b_axes]
        if len(a_axes) != len(b_axes):
            raise ValueError('axes of a and b must have the same length')
        if len(set(a_axes)) != len(a_axes) or \
                len(set(b_axes)) != len(b_axes):
            raise ValueError('duplicate value in axes')
    return a_axes, b_axes


class TensorDot(function_node.FunctionNode):

    def __init__(self, axes=2):
        self.axes = axes

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('a', 'b'))
        a_type, b_type = in_types
        a_ndim = type_check.eval(a_type.ndim)
        b_ndim = type_check.eval(b_type.ndim)
        a_axes, b_axes = _parse_axes(self.axes, a_ndim, b_ndim)
        for i, j in zip(a_axes, b_axes):
            type_check.expect(a_type.shape[i] == b_type.shape[j])

    def forward(self, inputs):
        a, b = inputs
        xp = backend.get_array_module(a)
        self.retain_inputs((0, 1))
        self._a_axes, self._b_axes = _parse_axes(self.axes, a.ndim, b.ndim)
        y = xp.tensordot(a, b, axes=(self._a_axes, self._b_axes))
        return utils.force_array(y, a.dtype),

    def backward(self, indexes, grad_outputs):
        a, b = self.get_retained_inputs()
        gy, = grad_outputs
        F = chainer.functions
        a_axes, b_axes = self._a_axes, self._b_axes
        a_free = [i for i in range(a.ndim) if i not in a_axes]
        b_free = [i for i in range(b.ndim) if i not in b_axes]
        na = len(a_free)
        y_a = list(range(na))               # axes of gy that come from a
        y_b = list(range(na, gy.ndim))      # ... and from b
        ga = gb = None
        if 0 in indexes:
            # The result keeps a's free axes, then b's contracted axes in
            # increasing order, each standing for its partner axis of a.
            g = F.tensordot(gy, b, axes=(y_b, b_free))
            ga = _untranspose(g, a_free + [
                a_axes[b_axes.index(j)] for j in sorted(b_axes)])
        if 1 in indexes:
            g = F.tensordot(a, gy, axes=(a_free, y_a))
            gb = _untranspose(g, [
                b_axes[a_axes.index(i)] for i in sorted(a_axes)] + b_free)
        return ga, gb


def _untranspose(g, order):
    """Transposes ``g`` whose axis k is original axis ``order[k]``."""
    if order == sorted(order):
        return g
    perm = tuple(int(i) for i in numpy.argsort(order))
    return chainer.functions.transpose(g, perm)


def tensordot(a, b, axes=2):
    """Returns the tensor dot product of two arrays along specified axes.

    This is a dot product over the given axes, treating them as one axis
    by reshaping.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): The first argument.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): The second
            argument.
        axes: An int ``n`` contracts the last ``n`` axes of ``a`` with the
            first ``n`` of ``b``; a pair of sequences of ints lists the axes
            of ``a`` and of ``b`` that are paired for the sum-product.

    Returns:
        ~chainer.Variable: The tensor dot product of ``a`` and ``b``.

    .. admonition:: Example

        >>> a = np.random.rand(5, 3, 2)
        >>> b = np.random.rand(3, 2, 4)
        >>> F.tensordot(a, b, axes=2).shape
        (5, 4)

    .. seealso:: :func:`numpy.tensordot`
    """
    return TensorDot(axes).apply((a, b))[0]
