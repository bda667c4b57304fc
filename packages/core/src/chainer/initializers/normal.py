"""Initializers drawing from zero-mean Gaussian distributions."""
import numpy

from chainer import backend
from chainer import initializer


def _fill_normal(array, scale, dtype=None):
    # Draws from the global RNG of the array's backend (numpy.random or
    # cupy.random), so seeding that RNG reproduces v5's values. numpy
    # draws float64 and the assignment casts. On cupy, v5 asks for float32
    # samples only when the initializer itself declares float32 or float16
    # (cuRAND has no float16); the fan-scaled initializers declare nothing
    # to the inner draw, so they sample float64 there.
    xp = backend.get_array_module(array)
    if xp is numpy:
        array[...] = numpy.random.normal(0.0, scale, array.shape)
        return
    kwargs = {}
    # v5 compares the attribute itself with the two types (so a dtype
    # given as a string such as 'f' still draws float64 there).
    if dtype == numpy.float32 or dtype == numpy.float16:
        kwargs['dtype'] = numpy.float32
    array[...] = xp.random.normal(0.0, scale, array.shape, **kwargs)


class Normal(initializer.Initializer):

    """Initializes array with a normal distribution.

    Each element is drawn independently from the Gaussian distribution of
    mean 0 and standard deviation ``scale``.

    Args:
        scale (float): Standard deviation of the Gaussian distribution.
        dtype: Data type specifier.

    """

    def __init__(self, scale=0.05, dtype=None):
        self.scale = scale
        super(Normal, self).__init__(dtype)

    def __call__(self, array):
        self._check_dtype(array)
        _fill_normal(array, self.scale, self.dtype)


class LeCunNormal(initializer.Initializer):

    """Initializes array with scaled Gaussian distribution.

    Elements are drawn from the zero-mean Gaussian distribution with
    standard deviation :math:`scale \\times \\sqrt{1 / fan_{in}}`, where
    :math:`fan_{in}` is the number of input units (LeCun 98, Efficient
    Backprop).

    Args:
        scale (float): A constant that determines the scale of the standard
            deviation.
        dtype: Data type specifier.

    """

    def __init__(self, scale=1.0, dtype=None):
        self.scale = scale
        super(LeCunNormal, self).__init__(dtype)

    def __call__(self, array):
        self._check_dtype(array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        _fill_normal(array, self.scale * numpy.sqrt(1. / fan_in))


class GlorotNormal(initializer.Initializer):

    """Initializes array with scaled Gaussian distribution.

    Elements are drawn from the zero-mean Gaussian distribution with
    standard deviation
    :math:`scale \\times \\sqrt{2 / (fan_{in} + fan_{out})}`
    (Glorot & Bengio, AISTATS 2010).

    Args:
        scale (float): A constant that determines the scale of the standard
            deviation.
        dtype: Data type specifier.

    """

    def __init__(self, scale=1.0, dtype=None):
        self.scale = scale
        super(GlorotNormal, self).__init__(dtype)

    def __call__(self, array):
        self._check_dtype(array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        _fill_normal(array, self.scale * numpy.sqrt(2. / (fan_in + fan_out)))


class HeNormal(initializer.Initializer):

    """Initializes array with scaled Gaussian distribution.

    Elements are drawn from the zero-mean Gaussian distribution with
    standard deviation :math:`scale \\times \\sqrt{2 / fan}`, where
    :math:`fan` is the number of input units (``fan_option='fan_in'``) or
    of output units (``fan_option='fan_out'``) (He et al.,
    https://arxiv.org/abs/1502.01852).

    Args:
        scale (float): A constant that determines the scale of the standard
            deviation.
        dtype: Data type specifier.
        fan_option ({'fan_in', 'fan_out'}): Which fan to use.

    """

    def __init__(self, scale=1.0, dtype=None, fan_option='fan_in'):
        self.scale = scale
        self.fan_option = fan_option
        super(HeNormal, self).__init__(dtype)

    def __call__(self, array):
        self._check_dtype(array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        if self.fan_option == 'fan_in':
            fan = fan_in
        elif self.fan_option == 'fan_out':
            fan = fan_out
        else:
            raise ValueError(
                "fan_option should be either 'fan_in' or 'fan_out', "
                'not {!r}'.format(self.fan_option))
        _fill_normal(array, self.scale * numpy.sqrt(2. / fan))
