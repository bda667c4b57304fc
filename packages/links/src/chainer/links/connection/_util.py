"""Small helpers shared by the convolution-like links."""
from chainer import initializers
from chainer import variable


def pair(x):
    """An int or a pair as a pair (how v5 stores ``stride``/``pad``)."""
    if hasattr(x, '__getitem__'):
        return x
    return x, x


def ntuple(x, n):
    """An int or an n-sequence as an n-tuple."""
    if hasattr(x, '__getitem__'):
        if len(x) != n:
            raise ValueError(
                'expected %d values, got %d: %r' % (n, len(x), tuple(x)))
        return tuple(x)
    return (x,) * n


def bias_parameter(nobias, initial_bias, size=None):
    """The bias ``Parameter`` of a layer (``None`` when ``nobias``).

    A missing ``initial_bias`` means zero, as in every v5 layer.
    """
    if nobias:
        return None
    if initial_bias is None:
        initial_bias = 0
    return variable.Parameter(
        initializers._get_initializer(initial_bias), size)


def check_groups(in_channels, out_channels, groups):
    """Raises the ``ValueError`` of v5 when a channel count is not
    divisible by ``groups``."""
    if out_channels % groups != 0:
        raise ValueError('the number of output channels must be '
                         'divisible by the number of groups')
    if in_channels % groups != 0:
        raise ValueError('the number of input channels must be '
                         'divisible by the number of groups')
