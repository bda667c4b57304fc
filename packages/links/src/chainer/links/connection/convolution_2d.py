"""Two-dimensional convolution layer (``chainer.links.Convolution2D``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import _util
from chainer.utils import argument


class Convolution2D(link.Link):

    """__init__(self, in_channels, out_channels, ksize=None, stride=1, \
pad=0, nobias=False, initialW=None, initial_bias=None, *, dilate=1, \
groups=1)

    Two-dimensional convolutional layer.

    Holds the filter ``W`` and the bias ``b`` of
    :func:`~chainer.functions.convolution_2d`. It can also be built as
    ``Convolution2D(out_channels, ksize)``: the number of input channels
    is then taken from the first input.

    Args:
        in_channels (int or None): Number of input channels; ``None``
            defers the creation of ``W`` to the first forward pass.
        out_channels (int): Number of output channels.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride of the filter.
        pad (int or pair of ints): Zero padding of the input.
        nobias (bool): If ``True``, the layer has no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``
            (default :class:`~chainer.initializers.LeCunNormal`); an array
            must be 4-dimensional.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b`` (default zero).
        dilate (int or pair of ints): Dilation of the filter.
        groups (int): Number of channel groups; ``in_channels`` and
            ``out_channels`` must be divisible by it.

    Attributes:
        W (~chainer.Parameter): Filter of shape
            ``(out_channels, in_channels / groups, kh, kw)``.
        b (~chainer.Parameter): Bias of shape ``(out_channels,)`` or
            ``None``.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> conv = L.Convolution2D(3, 5, ksize=3, pad=1)
        >>> conv.W.shape
        (5, 3, 3, 3)
        >>> conv(numpy.zeros((1, 3, 8, 8), numpy.float32)).shape
        (1, 5, 8, 8)
        >>> lazy = L.Convolution2D(5, 3)
        >>> lazy(numpy.zeros((1, 2, 8, 8), numpy.float32)).shape
        (1, 5, 6, 6)

    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, initialW=None, initial_bias=None,
                 **kwargs):
        super(Convolution2D, self).__init__()
        dilate, groups = argument.parse_kwargs(
            kwargs, ('dilate', 1), ('groups', 1),
            deterministic=_util.DETERMINISTIC_ERROR)
        in_channels, out_channels, ksize = _util.lazy_channels(
            in_channels, out_channels, ksize)

        self.ksize = ksize
        self.stride = _util.pair(stride)
        self.pad = _util.pair(pad)
        self.dilate = _util.pair(dilate)
        self.out_channels = out_channels
        self.groups = int(groups)

        _util.add_weight_and_bias(self, in_channels, nobias, initialW,
                                  initial_bias, out_channels)

    def _initialize_params(self, in_channels):
        self.W.initialize(_util.filter_shape(
            in_channels, self.out_channels, _util.ntuple(self.ksize, 2),
            self.groups))

    def forward(self, x):
        """Applies the convolution layer.

        Args:
            x (~chainer.Variable or ndarray): Input of shape
                ``(n, in_channels, h, w)``.

        Returns:
            ~chainer.Variable: Output of the convolution.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return chainer.functions.convolution_2d(
            x, self.W, self.b, self.stride, self.pad, dilate=self.dilate,
            groups=self.groups)
