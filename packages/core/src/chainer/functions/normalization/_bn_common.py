"""Axis handling and type checks shared by the batch normalizations."""
import numpy

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


def stat_dtype(dtype):
    # float16 statistics lose too much precision; v5 uses float32 as cuDNN.
    return numpy.dtype(numpy.float32) if dtype == numpy.float16 else dtype
