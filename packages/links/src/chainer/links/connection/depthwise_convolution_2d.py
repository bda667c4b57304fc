"""Depthwise convolution layer (``chainer.links.DepthwiseConvolution2D``)."""
import chainer.functions
from chainer import initializers
from chainer import link
from chainer.links.connection import _util
from chainer import variable


class DepthwiseConvolution2D(link.Link):

    """Two-dimensional depthwise convolutional layer.

    Holds the filter ``W`` and the bias ``b`` of
    :func:`~chainer.functions.depthwise_convolution_2d`: every input
    channel is convolved with its own ``channel_multiplier`` filters.

    Args:
        in_channels (int or None): Number of input channels; ``None``
            defers the creation of ``W`` and ``b`` to the first forward
            pass.
        channel_multiplier (int): Number of filters per input channel.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride of the filter.
        pad (int or pair of ints): Zero padding of the input.
        nobias (bool): If ``True``, the layer has no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b`` (default zero).

    Attributes:
        W (~chainer.Parameter): Filter of shape
            ``(channel_multiplier, in_channels, kh, kw)``.
        b (~chainer.Parameter): Bias of shape
            ``(in_channels * channel_multiplier,)`` or ``None``.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> conv = L.DepthwiseConvolution2D(3, 2, 3)
        >>> conv(numpy.zeros((1, 3, 5, 5), numpy.float32)).shape
        (1, 6, 3, 3)

    """

    def __init__(self, in_channels, channel_multiplier, ksize, stride=1,
                 pad=0, nobias=False, initialW=None, initial_bias=None):
        super(DepthwiseConvolution2D, self).__init__()
        self.ksize = _util.pair(ksize)
        self.stride = _util.pair(stride)
        self.pad = _util.pair(pad)
        self.channel_multiplier = channel_multiplier

        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            # The bias size depends on in_channels, so it waits with W.
            self.b = _util.bias_parameter(nobias, initial_bias)
            if in_channels is not None:
                self._initialize_params(in_channels)

    def _initialize_params(self, in_channels):
        kh, kw = self.ksize
        self.W.initialize((self.channel_multiplier, in_channels, kh, kw))
        if self.b is not None:
            self.b.initialize((self.channel_multiplier * in_channels,))

    def forward(self, x):
        """Applies the depthwise convolution layer.

        Args:
            x (~chainer.Variable or ndarray): Input of shape
                ``(n, in_channels, h, w)``.

        Returns:
            ~chainer.Variable: Output of the convolution.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return chainer.functions.depthwise_convolution_2d(
            x, self.W, self.b, self.stride, self.pad)
