"""Base class of array initializers and the fan computation they share."""
import numpy

from chainer import utils


class Initializer(object):

    """Initializes array.

    An initializer is a callable that fills a given array in place. The
    algorithm that produces the values is up to each concrete subclass.

    Args:
        dtype: Data type specifier. When it is not ``None``, an array whose
            dtype differs is rejected by :meth:`__call__`.

    Attributes:
        dtype: Data type specifier. It is used for the type check in
            ``__call__`` and by :func:`chainer.initializers.generate_array`
            to choose the dtype of a new array.

    """

    def __init__(self, dtype=None):
        self.dtype = dtype

    def __call__(self, array):
        """Initializes given array.

        This method destructively changes the value of ``array``. Derived
        classes must implement it.

        Args:
            array (numpy.ndarray or cupy.ndarray): An array to be initialized
                by this initializer.

        """
        raise NotImplementedError()

    def _check_dtype(self, array):
        # v5 checks this with ``assert``; raising AssertionError explicitly
        # keeps the error type while surviving ``python -O``.
        if self.dtype is not None and \
                numpy.dtype(self.dtype) != array.dtype:
            raise AssertionError(
                'dtype of the array ({}) does not match the dtype of the '
                'initializer ({})'.format(array.dtype,
                                          numpy.dtype(self.dtype)))


def get_fans(shape):
    """Returns ``(fan_in, fan_out)`` of a weight of the given shape.

    The first axis is the output axis, the second the input axis, and any
    further axes form the receptive field (e.g. convolution kernels), whose
    size multiplies both fans.

    Args:
        shape (tuple of ints): Shape of the weight, of length at least 2.

    Returns:
        tuple of ints: ``(fan_in, fan_out)``.

    """
    if not isinstance(shape, tuple):
        raise ValueError(
            'shape must be tuple, not {}'.format(type(shape).__name__))
    if len(shape) < 2:
        raise ValueError(
            'shape must be of length >= 2: shape={}'.format(shape))
    receptive_field_size = utils.size_of_shape(shape[2:])
    fan_in = shape[1] * receptive_field_size
    fan_out = shape[0] * receptive_field_size
    return fan_in, fan_out
