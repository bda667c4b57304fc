"""Initializers drawing from symmetric uniform distributions."""
import numpy

from chainer import backend
from chainer import initializer


def _fill_uniform(array, scale):
    # Uses the global RNG of the array's backend so seeding reproduces it.
    # As in v5, both numpy and cupy draw float64 samples; the assignment
    # casts them to the array's dtype.
    xp = backend.get_array_module(array)
    array[...] = xp.random.uniform(-scale, scale, array.shape)


class Uniform(initializer.Initializer):

    """Initializes array with a scaled uniform distribution.

    Each element is drawn independently from the uniform distribution
    :math:`[-scale, scale]`.

    Args:
        scale (float): A constant that determines the scale of the uniform
            distribution.
        dtype: Data type specifier.

    """

    def __init__(self, scale=0.05, dtype=None):
        self.scale = scale
        super(Uniform, self).__init__(dtype)

    def __call__(self, array):
        self._check_dtype(array)
        _fill_uniform(array, self.scale)


class _FanScaledUniform(initializer.Initializer):

    """Uniform on ``[-s, s]`` with ``s = scale * _bound(fan_in, fan_out)``.
    """

    def __init__(self, scale=1.0, dtype=None):
        self.scale = scale
        super(_FanScaledUniform, self).__init__(dtype)

    def __call__(self, array):
        self._check_dtype(array)
        fan_in, fan_out = initializer.get_fans(array.shape)
        _fill_uniform(array, self.scale * self._bound(fan_in, fan_out))


class LeCunUniform(_FanScaledUniform):

    """Initializes array with a scaled uniform distribution.

    Elements are drawn from :math:`[-s, s]` where
    :math:`s = scale \\times \\sqrt{3 / fan_{in}}` (LeCun 98, Efficient
    Backprop).

    Args:
        scale (float): A constant that determines the scale of the uniform
            distribution.
        dtype: Data type specifier.

    """

    @staticmethod
    def _bound(fan_in, fan_out):
        return numpy.sqrt(3. / fan_in)


class GlorotUniform(_FanScaledUniform):

    """Initializes array with a scaled uniform distribution.

    Elements are drawn from :math:`[-s, s]` where
    :math:`s = scale \\times \\sqrt{6 / (fan_{in} + fan_{out})}`.

    Args:
        scale (float): A constant that determines the scale of the uniform
            distribution.
        dtype: Data type specifier.

    """

    @staticmethod
    def _bound(fan_in, fan_out):
        return numpy.sqrt(6. / (fan_in + fan_out))


class HeUniform(_FanScaledUniform):

    """Initializes array with scaled uniform distribution.

    Elements are drawn from :math:`[-s, s]` where
    :math:`s = scale \\times \\sqrt{6 / fan_{in}}`.

    Args:
        scale (float): A constant that determines the scale of the uniform
            distribution.
        dtype: Data type specifier.

    """

    @staticmethod
    def _bound(fan_in, fan_out):
        return numpy.sqrt(6. / fan_in)
