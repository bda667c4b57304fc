import numpy

import chainer.functions
from chainer.utils import type_check


def maxout(x, pool_size, axis=1):
    """Maxout activation function.

    The ``axis`` dimension of ``x`` (of size ``M * pool_size``) is reshaped
    into ``(M, pool_size)`` and the maximum is taken over each pool.

    Args:
        x (~chainer.Variable or ndarray): Input variable. A
            :math:`n`-dimensional (:math:`n > ` ``axis``) float array.
        pool_size (int): The number of units of each pool.
        axis (int): The axis to be reshaped; its size must be a multiple of
            ``pool_size``.

    Returns:
        ~chainer.Variable: Output variable; its ``axis`` dimension is ``M``.

    .. admonition:: Example

        >>> x = np.arange(12).reshape(2, 6).astype(np.float32)
        >>> F.maxout(x, 3).array
        array([[ 2.,  5.],
               [ 8., 11.]], dtype=float32)

    """
    if pool_size <= 0:
        raise ValueError('pool_size must be a positive integer.')
    x_shape = x.shape
    if not -len(x_shape) <= axis < len(x_shape):
        raise type_check.InvalidType(
            '-x.ndim <= axis < x.ndim',
            'x.ndim={}, axis={}'.format(len(x_shape), axis))
    axis %= len(x_shape)
    if x_shape[axis] % pool_size != 0:
        raise type_check.InvalidType(
            'x.shape[axis] % pool_size == 0',
            'x.shape[axis]={}, pool_size={}'.format(
                x_shape[axis], pool_size),
            'axis dimension must be divided by pool_size')
    if numpy.dtype(x.dtype).kind != 'f':
        raise type_check.InvalidType(
            'x.dtype.kind == f', 'x.dtype={}'.format(x.dtype))
    shape = (x_shape[:axis] + (x_shape[axis] // pool_size, pool_size) +
             x_shape[axis + 1:])
    F = chainer.functions
    return F.max(F.reshape(x, shape), axis=axis + 1)
