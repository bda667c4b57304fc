"""Initializers that fill arrays with fixed values."""
import numpy

from chainer import backend
from chainer import initializer


def _to_backend_of(array, value):
    # A fill value living on the other device (numpy vs cupy) is moved to
    # where ``array`` lives before the broadcasting assignment.
    if numpy.isscalar(value) or isinstance(value, numpy.ndarray):
        if isinstance(array, numpy.ndarray):
            return value
        return backend.get_array_module(array).asarray(value)
    if isinstance(array, numpy.ndarray):
        from chainer.backends import cuda
        return cuda.to_cpu(value)
    return value


class Identity(initializer.Initializer):

    """Initializes array with the identity matrix.

    It fills the array with ``scale`` times the identity matrix. The array
    must be a 2D square matrix.

    Args:
        scale (scalar): A constant to be multiplied to identity matrices.
        dtype: Data type specifier.

    """

    def __init__(self, scale=1.0, dtype=None):
        self.scale = scale
        super(Identity, self).__init__(dtype)

    def __call__(self, array):
        self._check_dtype(array)
        shape = array.shape
        if len(shape) != 2 or shape[0] != shape[1]:
            raise ValueError('Identity matrix initialization can only be '
                             'used for 2D squared matrices (got shape '
                             '{}).'.format(shape))
        array[...] = 0
        # ``diagonal`` is read-only in numpy, so index the diagonal instead.
        xp = backend.get_array_module(array)
        idx = xp.arange(shape[0])
        array[idx, idx] = self.scale


class Constant(initializer.Initializer):

    """Initializes array with constant value.

    Args:
        fill_value (scalar or numpy.ndarray or cupy.ndarray): A constant to
            be assigned to the initialized array. Broadcasting is allowed.
        dtype: Data type specifier.

    """

    fill_value = None

    def __init__(self, fill_value, dtype=None):
        # v5 refuses anything but a scalar or an array (a list included).
        if not (numpy.isscalar(fill_value)
                or isinstance(fill_value, numpy.ndarray)
                or backend.get_array_module(fill_value) is not numpy):
            raise ValueError('fill_value must be either scalar, '
                             'numpy.ndarray or cupy.ndarray, not '
                             '{}'.format(type(fill_value).__name__))
        self.fill_value = fill_value
        super(Constant, self).__init__(dtype)

    def __call__(self, array):
        self._check_dtype(array)
        array[...] = _to_backend_of(array, self.fill_value)


class Zero(Constant):

    """Initializes array to all-zero.

    Args:
        dtype: Data type specifier.

    """

    fill_value = 0.0

    def __init__(self, dtype=None):
        super(Zero, self).__init__(0.0, dtype=dtype)


class One(Constant):

    """Initializes array to all-one.

    Args:
        dtype: Data type specifier.

    """

    fill_value = 1.0

    def __init__(self, dtype=None):
        super(One, self).__init__(1.0, dtype=dtype)


class NaN(Constant):

    """Initializes array to all-NaN.

    Args:
        dtype: Data type specifier.

    """

    fill_value = numpy.nan

    def __init__(self, dtype=None):
        super(NaN, self).__init__(numpy.nan, dtype=dtype)
