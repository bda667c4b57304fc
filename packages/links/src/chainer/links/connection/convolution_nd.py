"""N-dimensional convolution layers (``ConvolutionND``, ``Convolution1D``,
``Convolution3D``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import _util


class ConvolutionND(link.Link):

    """N-dimensional convolution layer.

    Holds the filter ``W`` and the bias ``b`` of
    :func:`~chainer.functions.convolution_nd`. As with
    :class:`~chainer.links.Convolution2D`, ``ConvolutionND(ndim,
    out_channels, ksize)`` defers the number of input channels to the
    first forward pass.

    Args:
        ndim (int): Number of spatial dimensions.
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        ksize (int or tuple of ints): Filter size.
        stride (int or tuple of ints): Stride of the filter.
        pad (int or tuple of ints): Zero padding of the input.
        nobias (bool): If ``True``, the layer has no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``;
            an array must have ``ndim + 2`` dimensions.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b`` (default zero).
        cover_all (bool): If ``True``, every input location is covered by
            some window (may add one output per axis).
        dilate (int or tuple of ints): Dilation of the filter.
        groups (int): Number of channel groups.

    Attributes:
        W (~chainer.Parameter): Filter of shape
            ``(out_channels, in_channels / groups, k_1, ..., k_N)``.
        b (~chainer.Parameter): Bias of shape ``(out_channels,)`` or
            ``None``.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> conv = L.ConvolutionND(3, 2, 4, 3)
        >>> conv(numpy.zeros((1, 2, 5, 5, 5), numpy.float32)).shape
        (1, 4, 3, 3, 3)

    """

    def __init__(self, ndim, in_channels, out_channels, ksize=None,
                 stride=1, pad=0, nobias=False, initialW=None,
                 initial_bias=None, cover_all=False, dilate=1, groups=1):
        super(ConvolutionND, self).__init__()
        in_channels, out_channels, ksize = _util.lazy_channels(
            in_channels, out_channels, ksize)

        self.ndim = ndim
        self.out_channels = out_channels
        self.ksize = _util.ntuple(ksize, ndim)
        self.stride = stride
        self.pad = pad
        self.cover_all = cover_all
        self.dilate = _util.ntuple(dilate, ndim)
        self.groups = int(groups)

        _util.add_weight_and_bias(self, in_channels, nobias, initialW,
                                  initial_bias, out_channels)

    def _initialize_params(self, in_channels):
        self.W.initialize(_util.filter_shape(
            in_channels, self.out_channels, self.ksize, self.groups))

    def forward(self, x):
        """Applies the N-dimensional convolution layer.

        Args:
            x (~chainer.Variable or ndarray): Input of shape
                ``(n, in_channels, d_1, ..., d_N)``.

        Returns:
            ~chainer.Variable: Output of the convolution.
        """
        _util.check_input_ndim(x, self.ndim, 'convolution')
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return chainer.functions.convolution_nd(
            x, self.W, self.b, self.stride, self.pad,
            cover_all=self.cover_all, dilate=self.dilate, groups=self.groups)


class Convolution1D(ConvolutionND):

    """1-dimensional convolution layer; :class:`ConvolutionND` with
    ``ndim=1``."""

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, initialW=None, initial_bias=None,
                 cover_all=False, dilate=1, groups=1):
        super(Convolution1D, self).__init__(
            1, in_channels, out_channels, ksize, stride, pad, nobias,
            initialW, initial_bias, cover_all, dilate, groups)


class Convolution3D(ConvolutionND):

    """3-dimensional convolution layer; :class:`ConvolutionND` with
    ``ndim=3``."""

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, initialW=None, initial_bias=None,
                 cover_all=False, dilate=1, groups=1):
        super(Convolution3D, self).__init__(
            3, in_channels, out_channels, ksize, stride, pad, nobias,
            initialW, initial_bias, cover_all, dilate, groups)
