"""Simplified DropConnect: a linear layer with randomly dropped weights."""
import numpy

import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class SimplifiedDropconnect(function_node.FunctionNode):

    """y = x (W * mask / (1 - ratio))^T + b, one mask per sample or batch."""

    def __init__(self, ratio, mask=None, use_batchwise_mask=True):
        if not 0.0 <= ratio < 1.0:
            raise ValueError('ratio must be in the range [0, 1), got %r'
                             % (ratio,))
        self.ratio = ratio
        self.mask = mask
        self.use_batchwise_mask = use_batchwise_mask

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[:2]
        type_check.argname(in_types, ('x', 'W', 'b')[:type_check.eval(n_in)])
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype == x_type.dtype,
            x_type.ndim >= 2,
            w_type.ndim == 2,
            type_check.prod(x_type.shape[1:]) == w_type.shape[1],
        )
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
                b_type.shape[0] == w_type.shape[0],
            )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        xp = backend.get_array_module(x)
        x = x.reshape(len(x), -1)
        shape = (len(x),) + W.shape if self.use_batchwise_mask else W.shape
        if self.mask is None:
            rand = (numpy.random.random_sample(shape) if xp is numpy
                    else xp.random.rand(*shape, dtype=numpy.float32))
            self.mask = rand >= self.ratio
        elif isinstance(self.mask, chainer.Variable):
            self.mask = self.mask.array
        if self.mask.shape != shape:
            raise ValueError('mask must have shape %s, got %s'
                             % (shape, self.mask.shape))
        # The scale keeps the expected output equal to the plain layer's.
        self.scaled_mask = self.mask * x.dtype.type(1. / (1 - self.ratio))
        Wm = W * self.scaled_mask  # (O, I) or (B, O, I)
        if Wm.ndim == 3:
            y = xp.einsum('boi,bi->bo', Wm, x)
        else:
            y = x.dot(Wm.T)
        y = y.astype(x.dtype, copy=False)
        if len(inputs) == 3:
            y += inputs[2]
        return y,

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        x_shape = x.shape
        x = x.array.reshape(len(x.array), -1)
        W = W.array
        gy = grad_outputs[0].array
        xp = backend.get_array_module(x)
        m = self.scaled_mask
        ret = []
        if 0 in indexes:
            if m.ndim == 3:
                gx = xp.einsum('bo,boi->bi', gy, W * m)
            else:
                gx = gy.dot(W * m)
            ret.append(chainer.Variable(
                gx.reshape(x_shape).astype(x.dtype, copy=False)))
        if 1 in indexes:
            if m.ndim == 3:
                gW = xp.einsum('bo,bi,boi->oi', gy, x, m)
            else:
                gW = gy.T.dot(x) * m
            ret.append(chainer.Variable(gW.astype(W.dtype, copy=False)))
        if 2 in indexes:
            ret.append(chainer.Variable(gy.sum(axis=0)))
        return ret


def simplified_dropconnect(x, W, b=None, ratio=.5, train=True, mask=None,
                           use_batchwise_mask=True):
    """Linear unit regularized by simplified dropconnect.

    In training, each weight is dropped with probability ``ratio`` and the
    kept ones are scaled by ``1 / (1 - ratio)``; with
    ``use_batchwise_mask`` every sample gets its own mask. Otherwise this
    is :func:`~chainer.functions.linear`.

    Args:
        x (~chainer.Variable or ndarray): Float input ``(B, ...)``,
            flattened to ``(B, I)``.
        W (~chainer.Variable or ndarray): Weight ``(O, I)``.
        b (~chainer.Variable or ndarray): Bias ``(O,)`` or ``None``.
        ratio (float): Dropconnect ratio in ``[0, 1)``.
        train (bool): Drop weights if ``True``; plain linear otherwise.
        mask (ndarray): Boolean keep-mask to use instead of a random one,
            shape ``(B, O, I)`` (batchwise) or ``(O, I)``.
        use_batchwise_mask (bool): One mask per sample (``True``) or one
            for the whole batch.

    Returns:
        ~chainer.Variable: Output ``(B, O)``.

    See: `Regularization of Neural Networks using DropConnect
    <https://cs.nyu.edu/~wanli/dropc/>`_
    """
    if not train:
        return chainer.functions.linear(x, W, b)
    inputs = (x, W) if b is None else (x, W, b)
    return SimplifiedDropconnect(ratio, mask, use_batchwise_mask).apply(
        inputs)[0]
