"""Array initializers (``chainer.initializers``)."""
import numpy

import chainer
from chainer import backend
from chainer.initializers import constant  # NOQA
from chainer.initializers import normal  # NOQA
from chainer.initializers import orthogonal  # NOQA
from chainer.initializers import uniform  # NOQA
from chainer.initializers.constant import Constant  # NOQA
from chainer.initializers.constant import Identity  # NOQA
from chainer.initializers.constant import NaN  # NOQA
from chainer.initializers.constant import One  # NOQA
from chainer.initializers.constant import Zero  # NOQA
from chainer.initializers.normal import GlorotNormal  # NOQA
from chainer.initializers.normal import HeNormal  # NOQA
from chainer.initializers.normal import LeCunNormal  # NOQA
from chainer.initializers.normal import Normal  # NOQA
from chainer.initializers.orthogonal import Orthogonal  # NOQA
from chainer.initializers.uniform import GlorotUniform  # NOQA
from chainer.initializers.uniform import HeUniform  # NOQA
from chainer.initializers.uniform import LeCunUniform  # NOQA
from chainer.initializers.uniform import Uniform  # NOQA


def generate_array(initializer, shape, xp, dtype=None):
    """Return initialized array.

    The dtype of the new array is ``dtype`` if given, else
    ``initializer.dtype`` if set, else ``chainer.config.dtype``.

    Args:
        initializer: A callable that takes a numpy.ndarray or cupy.ndarray
            and fills it in place.
        shape (tuple): Shape of the returned array.
        xp (module): :mod:`cupy` or :mod:`numpy`.
        dtype: Dtype specifier; it must agree with ``initializer.dtype``
            when both are given.

    Returns:
        numpy.ndarray or cupy.ndarray: An initialized array.

    >>> import numpy
    >>> generate_array(Constant(2), (2,), numpy, 'f')
    array([2., 2.], dtype=float32)

    """
    dtype_attr = getattr(initializer, 'dtype', None)
    if dtype is not None and dtype_attr is not None \
            and numpy.dtype(dtype) != numpy.dtype(dtype_attr):
        raise ValueError(
            'dtype mismatch: {} != {}'.format(numpy.dtype(dtype),
                                              numpy.dtype(dtype_attr)))
    if dtype is None:
        dtype = dtype_attr
    array = xp.empty(shape, dtype=chainer.get_dtype(dtype))
    initializer(array)
    return array


def _get_initializer(initializer):
    # Normalizes the ``initialW``-style arguments that links accept.
    if initializer is None:
        return LeCunNormal()
    if numpy.isscalar(initializer):
        return Constant(initializer)
    if isinstance(initializer, numpy.ndarray) or \
            backend.get_array_module(initializer) is not numpy:
        return Constant(initializer)
    if not callable(initializer):
        raise TypeError(
            'invalid type of initializer: %s' % type(initializer))
    return initializer
