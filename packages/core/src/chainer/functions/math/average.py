import chainer.functions
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class Mean(function_node.FunctionNode):

    """Unweighted mean over given axes (one node instead of sum / size)."""

    def __init__(self, axis=None, keepdims=False):
        self.axis = _helpers.normalize_axis(axis)
        self.keepdims = keepdims

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))
        _helpers.check_axis(in_types[0], self.axis)

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        if self.axis is None:
            count = x.size
        else:
            count = utils.size_of_shape([x.shape[a] for a in self.axis])
        self._scale = 1.0 / count if count else float('nan')
        # v5 computes sum(x) / count as the sum times the reciprocal in
        # x's dtype (float16 sums in float16); numpy's mean divides (and
        # sums float16 in float32), which can differ in the last bit.
        y = x.sum(axis=self.axis, keepdims=self.keepdims)
        return utils.force_array(y * x.dtype.type(self._scale), x.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        gy = gy * self._scale
        in_shape = self._in_shape
        if not self.keepdims and self.axis is not None and in_shape:
            gy = chainer.functions.reshape(
                gy, _helpers.reduced_shape_keepdims(in_shape, self.axis))
        return chainer.functions.broadcast_to(gy, in_shape),


def average(x, axis=None, weights=None, keepdims=False):
    """Calculate weighted average of array elements over a given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Elements to
            average (float array).
        axis (None or int or tuple of int): Axes to average over. ``None``
            (default) averages over all axes.
        weights (None or :class:`~chainer.Variable` or :ref:`ndarray`):
            Weights of the elements; ``None`` means all ones. With
            ``axis=None`` it must have the shape of ``x``; with an int axis
            it must be 1-D with ``weights.shape == (x.shape[axis],)``.
        keepdims (bool): If ``True``, the reduced axes are kept as axes of
            length one.

    Returns:
        ~chainer.Variable: Output variable.

    .. admonition:: Example

        >>> x = np.array([[1., 2.], [3., 6.]], np.float32)
        >>> F.average(x, axis=1, weights=np.array([1., 3.], np.float32)).array
        array([1.75, 5.25], dtype=float32)

    """
    if weights is None:
        y, = Mean(axis, keepdims).apply((x,))
        return y
    ndim = len(x.shape)
    if axis is not None:
        axes = axis if isinstance(axis, tuple) else (axis,)
        axes = sorted(a + ndim if a < 0 else a for a in axes)
        if len(set(axes)) != len(axes):
            raise ValueError("duplicate value in 'axis'")
        if len(axes) > 1:
            raise ValueError(
                'tuple axis is not supported when weights is given')
        axis = tuple(axes)
    total = chainer.functions.sum(weights)
    if axis is not None:
        # A 1-D weight vector runs along ``axis``; broadcast it over x.
        w_shape = [d if i in axis else 1 for i, d in enumerate(x.shape)]
        weights = chainer.functions.broadcast_to(
            chainer.functions.reshape(weights, w_shape), x.shape)
    y = chainer.functions.sum(
        chainer.as_variable(x) * weights, axis, keepdims)
    return y / chainer.functions.broadcast_to(total, y.shape)


# v5 documents ``mean`` as the same function as ``average``.
mean = average
