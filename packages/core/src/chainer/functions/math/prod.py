import numpy

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class Prod(function_node.FunctionNode):

    """Product of array elements over given axes."""

    def __init__(self, axis=None, keepdims=False):
        self.axis = _helpers.normalize_axis(axis)
        self.keepdims = keepdims

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))
        _helpers.check_axis(in_types[0], self.axis)

    def forward(self, inputs):
        x, = inputs
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        y = x.prod(axis=self.axis, keepdims=self.keepdims)
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        F = chainer.functions
        xp = backend.get_array_module(x.array)
        shape = _helpers.reduced_shape_keepdims(x.shape, self.axis)
        gy = F.broadcast_to(F.reshape(gy, shape), x.shape)
        if bool(xp.all(x.array != 0)):
            # prod_{j != i} x_j = y / x_i when no factor is zero.
            y = F.broadcast_to(F.reshape(y, shape), x.shape)
            return gy * y / x,
        return gy * _products_of_others(x, self.axis),


def _products_of_others(x, axis):
    """``prod_{j != i} x_j`` over the reduced axes, without division.

    The reduced axes are moved last and flattened; the result is the
    product of an exclusive running product from the left and one from the
    right, both built from :func:`~chainer.functions.cumprod`.
    """
    F = chainer.functions
    xp = backend.get_array_module(x.array)
    ndim = x.ndim
    if axis is None:
        axes = list(range(ndim))
    else:
        axes = sorted(a % ndim for a in axis)
    kept = [i for i in range(ndim) if i not in axes]
    perm = kept + axes
    xt = F.transpose(x, perm)
    kept_shape = xt.shape[:len(kept)]
    n = utils.size_of_shape(xt.shape[len(kept):])
    xt = F.reshape(xt, kept_shape + (n,))
    ones = xp.ones(kept_shape + (1,), x.dtype)
    left = F.concat((ones, F.cumprod(xt[..., :-1], axis=-1)), axis=-1)
    rx = F.flip(xt, -1)
    right = F.flip(
        F.concat((ones, F.cumprod(rx[..., :-1], axis=-1)), axis=-1), -1)
    others = F.reshape(left * right, tuple(x.shape[i] for i in perm))
    return F.transpose(others, tuple(int(i) for i in numpy.argsort(perm)))


def prod(x, axis=None, keepdims=False):
    """Product of array elements over a given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float elements to
            calculate the product of.
        axis (None, int, or tuple of int): Axes along which the product is
            taken. ``None`` (default) multiplies all elements.
        keepdims (bool): If ``True``, the reduced axes are kept as axes of
            length one.

    Returns:
        ~chainer.Variable: Output variable.

    .. admonition:: Example

        >>> F.prod(np.array([[1., 2.], [3., 4.]], np.float32), axis=1).array
        array([ 2., 12.], dtype=float32)

    """
    return Prod(axis, keepdims).apply((x,))[0]
