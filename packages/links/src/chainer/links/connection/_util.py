"""Small helpers shared by the convolution-like and linear links."""
from chainer import initializers
from chainer import variable

# v5's error for the ``deterministic`` argument of the convolutions, removed
# in v2 (passed to ``argument.parse_kwargs`` by each ``__init__`` itself, so
# that other unknown keywords are reported against ``__init__``).
DETERMINISTIC_ERROR = ('deterministic argument is not supported anymore. '
                       'Use chainer.using_config(\'cudnn_deterministic\', '
                       'value) context where value is either `True` or '
                       '`False`.')


def lazy_channels(in_channels, out_channels, ksize):
    """``(in_channels, out_channels, ksize)`` of a convolution layer.

    v5 also accepts ``Layer(out_channels, ksize)``: with ``ksize`` missing,
    the first two arguments are the output channels and the filter size,
    and the input channels come from the first input (``None``).
    """
    if ksize is None:
        return None, in_channels, out_channels
    return in_channels, out_channels, ksize


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


def operands(name, xs, param):
    """``(x, operand)`` of ``Bias``/``Scale`` (``name``) from the inputs
    ``xs``: the operand is the link's ``param``, or, when it has none
    (``None``), the second input."""
    if param is not None:
        if len(xs) != 1:
            raise TypeError('%s with a parameter takes one input, got %d'
                            % (name, len(xs)))
        return xs[0], param
    if len(xs) != 2:
        raise TypeError(
            '%s without a parameter takes two inputs (x and the %s), got %d'
            % (name, name.lower(), len(xs)))
    return xs


def add_weight_and_bias(link, in_size, nobias, initialW, initial_bias,
                        bias_size):
    """Registers the weight ``link.W`` and the bias ``link.b``.

    ``W`` is shaped by ``link._initialize_params(in_size)`` at once, or,
    when ``in_size`` is ``None``, by the link on its first input. ``b`` has
    ``bias_size`` elements, or is ``None`` when ``nobias``.
    """
    with link.init_scope():
        link.W = variable.Parameter(initializers._get_initializer(initialW))
        if in_size is not None:
            link._initialize_params(in_size)
        link.b = bias_parameter(nobias, initial_bias, bias_size)


def filter_shape(in_channels, out_channels, ksize, groups=1,
                 transposed=False):
    """Shape of a convolution filter for ``in_channels`` input channels.

    It is ``(out_channels, in_channels / groups) + ksize``, or for a
    deconvolution (``transposed``) ``(in_channels, out_channels / groups)
    + ksize``.
    """
    check_groups(in_channels, out_channels, groups)
    if transposed:
        return (in_channels, out_channels // groups) + tuple(ksize)
    return (out_channels, in_channels // groups) + tuple(ksize)


def check_input_ndim(x, ndim, kind):
    """Raises ``ValueError`` unless ``x`` is ``(n, channels, *spatial)``
    with ``ndim`` spatial axes (``kind`` names the layer in the message).
    """
    if x.ndim != ndim + 2:
        raise ValueError(
            'the input of a %dD %s must have %d dimensions (batch, channel '
            'and %d spatial axes), got shape %s'
            % (ndim, kind, ndim + 2, ndim, x.shape))


def check_groups(in_channels, out_channels, groups):
    """Raises the ``ValueError`` of v5 when a channel count is not
    divisible by ``groups``."""
    if out_channels % groups != 0:
        raise ValueError('the number of output channels must be '
                         'divisible by the number of groups')
    if in_channels % groups != 0:
        raise ValueError('the number of input channels must be '
                         'divisible by the number of groups')
