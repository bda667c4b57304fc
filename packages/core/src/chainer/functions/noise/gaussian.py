"""Gaussian sampling by the reparameterization trick."""
import numpy

import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.functions.loss import _checks
from chainer.utils import argument


class Gaussian(function_node.FunctionNode):

    """y = mean + exp(ln_var / 2) * eps with eps ~ N(0, 1)."""

    def __init__(self, eps=None):
        self.eps = eps

    def check_type_forward(self, in_types):
        _checks.check_float_pair(in_types, ('mean', 'ln_var'))

    def forward(self, inputs):
        self.retain_inputs((1,))
        mean, ln_var = inputs
        xp = backend.get_array_module(mean)
        if self.eps is None:
            if xp is numpy:
                # v5: float64 draws cast to the dtype.
                self.eps = numpy.random.standard_normal(mean.shape).astype(
                    mean.dtype, copy=False)
            elif mean.dtype == numpy.float16:
                # cuRAND has no float16: v5 draws float32 and casts.
                self.eps = xp.random.standard_normal(
                    mean.shape, dtype=numpy.float32).astype(numpy.float16)
            else:
                self.eps = xp.random.standard_normal(
                    mean.shape, dtype=mean.dtype)
        elif self.eps.shape != mean.shape:
            raise ValueError('eps has shape %s but mean has shape %s'
                             % (self.eps.shape, mean.shape))
        self.noise = xp.exp(ln_var * 0.5) * self.eps
        return (mean + self.noise).astype(mean.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        ln_var, = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(gy)
        if 1 in indexes:
            # d y / d ln_var = noise / 2, written with exp for double
            # backprop.
            noise = chainer.functions.exp(ln_var * 0.5) * self.eps
            ret.append(gy * noise * 0.5)
        return ret


def gaussian(mean, ln_var, **kwargs):
    """gaussian(mean, ln_var, *, eps=None, return_eps=False)

    Samples from Gaussian distributions, differentiably.

    Returns :math:`\\mu + \\exp(\\frac{1}{2} \\text{ln\\_var})\\,\\epsilon`
    with :math:`\\epsilon \\sim N(0, I)`, so that the gradient reaches both
    the mean and the log variance (reparameterization trick).

    Args:
        mean (~chainer.Variable or ndarray): Float means.
        ln_var (~chainer.Variable or ndarray): Log variances, shape of
            ``mean``.
        eps (ndarray or None): Standard normal noise to use instead of a
            fresh draw (shape and dtype of ``mean``).
        return_eps (bool): Also return the noise used.

    Returns:
        ~chainer.Variable or tuple: The sample, or ``(sample, eps)``.
    """
    eps, return_eps = argument.parse_kwargs(
        kwargs, ('eps', None), ('return_eps', False))
    func = Gaussian(eps)
    out = func.apply((mean, ln_var))[0]
    if return_eps:
        return out, func.eps
    return out
