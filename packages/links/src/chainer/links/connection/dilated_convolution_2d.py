"""Dilated convolution layer (``chainer.links.DilatedConvolution2D``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import _util


class DilatedConvolution2D(link.Link):

    """Two-dimensional dilated convolutional layer.

    Holds the filter ``W`` and the bias ``b`` of
    :func:`~chainer.functions.dilated_convolution_2d`.
    ``DilatedConvolution2D(out_channels, ksize)`` defers the number of
    input channels to the first forward pass.

    Args:
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride of the filter.
        pad (int or pair of ints): Zero padding of the input.
        dilate (int or pair of ints): Dilation of the filter.
        nobias (bool): If ``True``, the layer has no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b`` (default zero).

    Attributes:
        W (~chainer.Parameter): Filter of shape
            ``(out_channels, in_channels, kh, kw)``.
        b (~chainer.Parameter): Bias of shape ``(out_channels,)`` or
            ``None``.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> conv = L.DilatedConvolution2D(1, 2, 3, dilate=2)
        >>> conv(numpy.zeros((1, 1, 7, 7), numpy.float32)).shape
        (1, 2, 3, 3)

    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, dilate=1, nobias=False, initialW=None,
                 initial_bias=None):
        super(DilatedConvolution2D, self).__init__()
        in_channels, out_channels, ksize = _util.lazy_channels(
            in_channels, out_channels, ksize)

        self.ksize = ksize
        self.stride = _util.pair(stride)
        self.pad = _util.pair(pad)
        self.dilate = _util.pair(dilate)
        self.out_channels = out_channels

        _util.add_weight_and_bias(self, in_channels, nobias, initialW,
                                  initial_bias, out_channels)

    def _initialize_params(self, in_channels):
        self.W.initialize(_util.filter_shape(
            in_channels, self.out_channels, _util.ntuple(self.ksize, 2)))

    def forward(self, x):
        """Applies the dilated convolution layer.

        Args:
            x (~chainer.Variable or ndarray): Input of shape
                ``(n, in_channels, h, w)``.

        Returns:
            ~chainer.Variable: Output of the convolution.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return chainer.functions.dilated_convolution_2d(
            x, self.W, self.b, self.stride, self.pad, self.dilate)
