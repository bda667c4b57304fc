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
        if isinstance(mask, chainer.Variable):
            mask = mask.array
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
        if self.mask is not None:
            # As v5, the mask is checked against use_batchwise_mask.
            m = type_check.make_variable(
                type_check.TypeInfo(self.mask.shape, self.mask.dtype),
                'mask')
            if self.use_batchwise_mask:
                type_check.expect(
                    m.shape[0] == x_type.shape[0],
                    m.shape[1:] == w_type.shape,
                )
            else:
                type_check.expect(m.shape == w_type.shape)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        xp = backend.get_array_module(x)
        x = x.reshape(len(x), -1)
        if self.mask is None:
            shape = W.shape
            if self.use_batchwise_mask:
                shape = (len(x),) + shape
            # v5: one float64 uniform per weight (per sample) on numpy,
            # float32 ones on cupy, kept where not below the ratio.
            if xp is numpy:
                rand = numpy.random.rand(*shape)
            else:
                rand = xp.random.rand(*shape, dtype=numpy.float32)
            self.mask = rand >= self.ratio
        scale = W.dtype.type(1. / (1 - self.ratio))
        # Same operations in the same order as v5, so the sums round alike.
        Wm = W * scale * self.mask  # (O, I) or (B, O, I)
        if xp is numpy:
            y = numpy.einsum('...jk,...kl->...jl', Wm, x[:, :, None])
        else:
            y = xp.matmul(Wm, x[:, :, None])
        y = y.reshape(y.shape[0], y.shape[1]).astype(x.dtype, copy=False)
        if len(inputs) == 3:
            y += inputs[2]
        return y,

    def backward(self, indexes, grad_outputs):
        F = chainer.functions
        x_in, W = self.get_retained_inputs()
        gy, = grad_outputs
        batch = x_in.shape[0]
        x = F.reshape(x_in, (batch, -1))
        scale = W.dtype.type(1. / (1 - self.ratio))
        mask = self.mask.astype(W.dtype)
        if self.use_batchwise_mask:
            Wm = F.broadcast_to(W, mask.shape) * scale * mask
        else:
            Wm = F.broadcast_to(W * scale * mask, (batch,) + mask.shape)
        ret = []
        if 0 in indexes:
            gx = F.matmul(F.expand_dims(gy, 1), Wm)
            ret.append(F.cast(F.reshape(gx, x_in.shape), x_in.dtype))
        if 1 in indexes:
            shape = (batch, gy.shape[1], x.shape[1])
            prod = (F.broadcast_to(F.expand_dims(gy, 2), shape)
                    * F.broadcast_to(F.expand_dims(x, 1), shape))
            gW = F.sum(prod * mask, axis=0) * scale
            ret.append(F.cast(gW, W.dtype))
        if 2 in indexes:
            ret.append(F.sum(gy, axis=0))
        return ret


def simplified_dropconnect(x, W, b=None, ratio=.5, train=True, mask=None,
                           use_batchwise_mask=True):
    """Linear unit regularized by simplified dropconnect.

    In training, each weight is dropped with probability ``ratio`` and the
    kept ones are scaled by ``1 / (1 - ratio)``; with
    ``use_batchwise_mask`` every sample gets its own mask. With
    ``train=False`` the ratio is 0: the result is the plain linear layer
    (times a given ``mask``), though a mask is still drawn as in v5.

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
        # v5 runs the same computation with a ratio of 0: a mask is still
        # drawn (all kept), so the RNG stream advances as in training.
        ratio = 0
    inputs = (x, W) if b is None else (x, W, b)
    return SimplifiedDropconnect(ratio, mask, use_batchwise_mask).apply(
        inputs)[0]
