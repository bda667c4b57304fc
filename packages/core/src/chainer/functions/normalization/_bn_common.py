"""Axis handling and type checks shared by the batch normalizations, and
the per-channel affine step of group and layer normalization."""
import numpy

import chainer.functions
from chainer.utils import type_check


def compute_axis(x_ndim, gamma_ndim, axis):
    """Axes reduced over: the batch axis and those after the channels."""
    if axis is None:
        return (0,) + tuple(range(gamma_ndim + 1, x_ndim))
    if isinstance(axis, (int, numpy.integer)):
        axis = (axis,)
    axis = tuple(int(a) for a in axis)
    for a in axis:
        if not 0 <= a < x_ndim:
            raise ValueError('axis %r is out of range for an input of ndim %d'
                             % (axis, x_ndim))
    if list(axis) != sorted(set(axis)):
        raise ValueError('axis must be sorted and without duplicates, '
                         'got %r' % (axis,))
    return axis


def key_shape(x_shape, axis):
    """Shape of gamma: the dimensions of x that are not reduced."""
    return tuple(s for i, s in enumerate(x_shape) if i not in axis)


def param_shape(x_shape, axis):
    """Shape that broadcasts a gamma-shaped array against x."""
    return tuple(1 if i in axis else s for i, s in enumerate(x_shape))


def check_params(in_types, names, axis):
    """Checks x and the per-channel inputs that follow it."""
    type_check.argname(in_types, names)
    x_type = in_types[0]
    type_check.expect(x_type.dtype.kind == 'f')
    x_ndim = type_check.eval(x_type.ndim)
    gamma_ndim = type_check.eval(in_types[1].ndim)
    type_check.expect(x_type.ndim >= in_types[1].ndim + 1)
    axis = compute_axis(x_ndim, gamma_ndim, axis)
    expected = key_shape(type_check.eval(x_type.shape), axis)
    for p_type in in_types[1:]:
        type_check.expect(
            p_type.dtype == x_type.dtype,
            p_type.shape == expected,
        )
    return axis


def update_running(running_mean, running_var, decay, mean, var, m):
    """Moves the running statistics towards a batch's ``mean`` and ``var``
    (both of the shape of gamma), in place.

    v5 rule: the running variance takes the unbiased estimate of ``var``,
    ``m`` being the number of samples per channel.
    """
    adjust = m / max(m - 1., 1.)
    running_mean *= decay
    running_mean += ((1 - decay) * mean).astype(running_mean.dtype,
                                                copy=False)
    running_var *= decay
    running_var += ((1 - decay) * adjust * var).astype(running_var.dtype,
                                                      copy=False)


def stat_dtype(dtype):
    # float16 statistics lose too much precision; v5 uses float32 as cuDNN.
    return numpy.dtype(numpy.float32) if dtype == numpy.float16 else dtype


def check_affine(x, shape, gamma, beta):
    """Raises InvalidType unless ``gamma`` and ``beta`` have ``shape`` and
    the dtype of ``x`` (checked before the work is handed to functions
    whose messages would not name these arguments)."""
    for name, p in (('gamma', gamma), ('beta', beta)):
        if p.shape != shape or p.dtype != x.dtype:
            raise type_check.InvalidType(
                '%s.shape == %s, %s.dtype == %s'
                % (name, shape, name, x.dtype),
                '%s.shape == %s, %s.dtype == %s'
                % (name, p.shape, name, p.dtype))


def scale_shift(x_hat, gamma, beta, pshape):
    """``gamma * x_hat + beta`` with the parameters reshaped to ``pshape``
    and broadcast to ``x_hat``, built from differentiable functions."""
    F = chainer.functions
    return (x_hat * F.broadcast_to(F.reshape(gamma, pshape), x_hat.shape)
            + F.broadcast_to(F.reshape(beta, pshape), x_hat.shape))
