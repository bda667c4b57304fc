"""Embedding lookup (``W[x]``) and its gradient node."""
import numpy

from chainer import backend
from chainer import function_node
from chainer.functions.connection import _common
from chainer.utils import type_check


def _lookup(x, W, ignore_label):
    xp = backend.get_array_module(x)
    if ignore_label is None:
        return W[x]
    mask = x == ignore_label
    y = W[xp.where(mask, 0, x)]
    y[mask] = 0
    return y


class EmbedIDFunction(function_node.FunctionNode):

    """Rows of ``W`` picked by integer ids ``x``."""

    def __init__(self, ignore_label=None):
        self.ignore_label = ignore_label

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)
        x_type, w_type = in_types
        _common.argname((x_type, w_type), ('x', 'W'))
        type_check.expect(
            x_type.dtype.kind == 'i',
            x_type.ndim >= 1,
            w_type.dtype.kind == 'f',
            w_type.ndim == 2,
        )

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, W = inputs
        self._w_shape = W.shape
        xp = backend.get_array_module(x)
        valid = (0 <= x) & (x < len(W))
        if self.ignore_label is not None:
            valid |= x == self.ignore_label
        if not bool(xp.all(valid)):
            raise ValueError(
                'Each not ignored `x` value need to satisfy '
                '`0 <= x < len(W)` (len(W) = %d, ignore_label = %r)'
                % (len(W), self.ignore_label))
        return _lookup(x, W, self.ignore_label),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        return None, EmbedIDGrad(self._w_shape, self.ignore_label).apply(
            (x, gy))[0]


class EmbedIDGrad(function_node.FunctionNode):

    """Scatter-adds gy rows into a zero ``W``-shaped gradient."""

    def __init__(self, w_shape, ignore_label=None):
        self.w_shape = w_shape
        self.ignore_label = ignore_label

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, gy = inputs
        xp = backend.get_array_module(x)
        gW = xp.zeros(self.w_shape, gy.dtype)
        ids = x.ravel()
        rows = gy.reshape(ids.size, -1)
        if self.ignore_label is not None:
            keep = ids != self.ignore_label
            ids, rows = ids[keep], rows[keep]
        if xp is numpy:
            numpy.add.at(gW, ids, rows)
        else:
            import cupyx
            cupyx.scatter_add(gW, ids, rows)
        return gW,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        ggW, = grad_outputs
        ggy, = EmbedIDFunction(self.ignore_label).apply((x, ggW))
        return None, ggy


def embed_id(x, W, ignore_label=None):
    """Efficient linear function for one-hot input.

    Picks row ``W[i]`` for each id ``i`` in ``x``; ids equal to
    ``ignore_label`` give zero vectors.

    Args:
        x (~chainer.Variable or ndarray): Integer ids of any shape.
        W (~chainer.Variable or ndarray): Embedding matrix of shape
            :math:`(n, d)`.
        ignore_label (int or None): Id mapped to a zero vector.

    Returns:
        ~chainer.Variable: Array of shape ``x.shape + (d,)``.

    .. admonition:: Example

        >>> x = np.array([2, 1], np.int32)
        >>> W = np.array([[0, 0], [1, 1], [2, 2]], np.float32)
        >>> F.embed_id(x, W).array
        array([[2., 2.],
               [1., 1.]], dtype=float32)
    """
    y, = EmbedIDFunction(ignore_label).apply((x, W))
    return y
