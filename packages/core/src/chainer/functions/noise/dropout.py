"""Dropout: zero random elements in training, scale the rest."""
import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer import function_node
from chainer.functions.math import _helpers
from chainer.utils import argument


def _make_mask(xp, shape, ratio, dtype):
    scale = dtype.type(1. / (1 - ratio))
    if xp is numpy:
        # As v5: one float64 uniform per element, compared in float64 (a
        # float32 copy would round values next to ``ratio`` across it).
        flag = numpy.random.rand(*shape) >= ratio
        # Cast before scaling: numpy 1.x would give bool * scalar the
        # smallest float type holding the scale (often float16).
        mask = flag.astype(dtype)
        mask *= scale
        return mask
    flag = cuda.cupy.random.rand(*shape, dtype=numpy.float32)
    mask = xp.empty(shape, dtype)
    # v5 compares the float32 uniforms with the ratio cast to x's dtype.
    cuda.elementwise(
        'float32 r, T ratio, T scale', 'T mask',
        'mask = r >= ratio ? scale : (T)0', 'chainer_dropout_mask')(
            flag, dtype.type(ratio), scale, mask)
    return mask


class Dropout(function_node.FunctionNode):

    """y = x * mask, with mask drawn in forward unless given."""

    def __init__(self, dropout_ratio, mask=None, return_mask=False):
        if not 0.0 <= dropout_ratio < 1.0:
            raise ValueError('dropout_ratio must be in the range [0, 1), '
                             'but got %r' % (dropout_ratio,))
        self.dropout_ratio = dropout_ratio
        self.mask = mask
        self._return_mask = return_mask
        # cuDNN's dropout keeps its mask in an opaque reserve space.
        self._cudnn_reserve = None

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # As in v5, cuDNN draws the mask only under use_cudnn='always'
        # (and not when the caller wants the mask back).
        if self.mask is None and not self._return_mask and \
                cuda._cudnn_usable(x, '==always', 5000):
            self._cudnn_reserve, y = cuda.get_cudnn_dropout_states().forward(
                None, xp.ascontiguousarray(x), self.dropout_ratio)
            return y,
        if self.mask is None:
            self.mask = _make_mask(
                xp, x.shape, self.dropout_ratio, x.dtype)
        elif self.mask.shape != x.shape:
            raise ValueError('mask shape %s does not match x shape %s'
                             % (self.mask.shape, x.shape))
        return (x * self.mask).astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        return DropoutGrad(self).apply(grad_outputs)


class DropoutGrad(function_node.FunctionNode):

    """gx = gy * mask (the mask of ``dropout``, a :class:`Dropout`); its
    own gradient has the same form."""

    def __init__(self, dropout):
        self.dropout = dropout

    def forward(self, inputs):
        gy, = inputs
        d = self.dropout
        if d._cudnn_reserve is not None:
            xp = backend.get_array_module(gy)
            return cuda.get_cudnn_dropout_states().backward(
                None, xp.ascontiguousarray(gy), d.dropout_ratio,
                d._cudnn_reserve),
        return (gy * d.mask).astype(gy.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        return DropoutGrad(self.dropout).apply(grad_outputs)


def dropout(x, ratio=.5, **kwargs):
    """dropout(x, ratio=.5, *, mask=None, return_mask=False)

    Drops elements of the input at random.

    In training mode (``chainer.config.train``) each element is set to 0
    with probability ``ratio`` and the others are scaled by
    ``1 / (1 - ratio)``. Otherwise the input is returned unchanged.

    Args:
        x (~chainer.Variable or ndarray): Float input array.
        ratio (float): Dropout probability, ``0 <= ratio < 1``.
        mask (ndarray or None): Scaled mask to use instead of a random
            one (``y = x * mask``); must have the shape of ``x``.
        return_mask (bool): Also return the mask that was used (``None``
            outside training).

    Returns:
        ~chainer.Variable or tuple: ``y``, or ``(y, mask)`` if
        ``return_mask`` is ``True``.
    """
    mask, return_mask = argument.parse_kwargs(
        kwargs, ('mask', None), ('return_mask', False),
        train='train argument is not supported anymore. '
              'Use chainer.using_config')
    if chainer.config.train:
        func = Dropout(ratio, mask, return_mask)
        out = func.apply((x,))[0]
        mask = func.mask
    else:
        out = chainer.as_variable(x)
        mask = None
    if return_mask:
        return out, mask
    return out
