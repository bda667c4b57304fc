"""N-dimensional deconvolution layers (``DeconvolutionND``,
``Deconvolution1D``, ``Deconvolution3D``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import _util


class DeconvolutionND(link.Link):

    """N-dimensional deconvolution (transposed convolution) layer.

    Holds the filter ``W`` and the bias ``b`` of
    :func:`~chainer.functions.deconvolution_nd`.
    ``DeconvolutionND(ndim, out_channels, ksize)`` defers the number of
    input channels to the first forward pass.

    Args:
        ndim (int): Number of spatial dimensions.
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        ksize (int or tuple of ints): Filter size.
        stride (int or tuple of ints): Stride of the filter.
        pad (int or tuple of ints): Padding removed from the output.
        nobias (bool): If ``True``, the layer has no bias.
        outsize (tuple of ints): Expected output spatial size.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``;
            an array must have ``ndim + 2`` dimensions.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b`` (default zero).
        dilate (int or tuple of ints): Dilation of the filter.
        groups (int): Number of channel groups.

    Attributes:
        W (~chainer.Parameter): Filter of shape
            ``(in_channels, out_channels / groups, k_1, ..., k_N)``.
        b (~chainer.Parameter): Bias of shape ``(out_channels,)`` or
            ``None``.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> deconv = L.DeconvolutionND(1, 2, 3, 3)
        >>> deconv(numpy.zeros((1, 2, 4), numpy.float32)).shape
        (1, 3, 6)

    """

    def __init__(self, ndim, in_channels, out_channels, ksize=None,
                 stride=1, pad=0, nobias=False, outsize=None, initialW=None,
                 initial_bias=None, dilate=1, groups=1):
        super(DeconvolutionND, self).__init__()
        in_channels, out_channels, ksize = _util.lazy_channels(
            in_channels, out_channels, ksize)

        self.ndim = ndim
        self.out_channels = out_channels
        self.ksize = _util.ntuple(ksize, ndim)
        self.stride = stride
        self.pad = pad
        self.outsize = outsize
        self.dilate = _util.ntuple(dilate, ndim)
        self.groups = int(groups)

        _util.add_weight_and_bias(self, in_channels, nobias, initialW,
                                  initial_bias, out_channels)

    def _initialize_params(self, in_channels):
        self.W.initialize(_util.filter_shape(
            in_channels, self.out_channels, self.ksize, self.groups,
            transposed=True))

    def forward(self, x):
        """Applies the N-dimensional deconvolution layer.

        Args:
            x (~chainer.Variable or ndarray): Input of shape
                ``(n, in_channels, d_1, ..., d_N)``.

        Returns:
            ~chainer.Variable: Output of the deconvolution.
        """
        _util.check_input_ndim(x, self.ndim, 'deconvolution')
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return chainer.functions.deconvolution_nd(
            x, self.W, self.b, self.stride, self.pad, self.outsize,
            dilate=self.dilate, groups=self.groups)


class Deconvolution1D(DeconvolutionND):

    """1-dimensional deconvolution layer; :class:`DeconvolutionND` with
    ``ndim=1``."""

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, outsize=None, initialW=None,
                 initial_bias=None, dilate=1, groups=1):
        super(Deconvolution1D, self).__init__(
            1, in_channels, out_channels, ksize, stride, pad, nobias,
            outsize, initialW, initial_bias, dilate, groups)


class Deconvolution3D(DeconvolutionND):

    """3-dimensional deconvolution layer; :class:`DeconvolutionND` with
    ``ndim=3``."""

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, outsize=None, initialW=None,
                 initial_bias=None, dilate=1, groups=1):
        super(Deconvolution3D, self).__init__(
            3, in_channels, out_channels, ksize, stride, pad, nobias,
            outsize, initialW, initial_bias, dilate, groups)
