"""Two-dimensional deconvolution layer (``chainer.links.Deconvolution2D``)."""
import numpy

from chainer.backends import cuda
import chainer.functions
from chainer import link
from chainer.links.connection import _util
from chainer.utils import argument


class Deconvolution2D(link.Link):

    """__init__(self, in_channels, out_channels, ksize=None, stride=1, \
pad=0, nobias=False, outsize=None, initialW=None, initial_bias=None, *, \
dilate=1, groups=1)

    Two-dimensional deconvolution (transposed convolution) layer.

    Holds the filter ``W`` and the bias ``b`` of
    :func:`~chainer.functions.deconvolution_2d`.
    ``Deconvolution2D(out_channels, ksize)`` defers the number of input
    channels to the first forward pass.

    Args:
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride of the filter.
        pad (int or pair of ints): Padding removed from the output.
        nobias (bool): If ``True``, the layer has no bias.
        outsize (tuple of ints): Expected output size ``(h, w)``; by
            default :math:`s (d - 1) + d_K (k - 1) + 1 - 2p`.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``;
            an array must be 4-dimensional.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b`` (default zero); an array must have shape
            ``(out_channels,)``.
        dilate (int or pair of ints): Dilation of the filter.
        groups (int): Number of channel groups.

    Attributes:
        W (~chainer.Parameter): Filter of shape
            ``(in_channels, out_channels / groups, kh, kw)``.
        b (~chainer.Parameter): Bias of shape ``(out_channels,)`` or
            ``None``.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> deconv = L.Deconvolution2D(3, 2, 4, stride=2, pad=1)
        >>> deconv.W.shape
        (3, 2, 4, 4)
        >>> deconv(numpy.zeros((1, 3, 5, 5), numpy.float32)).shape
        (1, 2, 10, 10)

    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, outsize=None, initialW=None,
                 initial_bias=None, **kwargs):
        super(Deconvolution2D, self).__init__()
        dilate, groups = argument.parse_kwargs(
            kwargs, ('dilate', 1), ('groups', 1),
            deterministic=_util.DETERMINISTIC_ERROR)
        in_channels, out_channels, ksize = _util.lazy_channels(
            in_channels, out_channels, ksize)
        if isinstance(initial_bias, (numpy.ndarray, cuda.ndarray)) and \
                initial_bias.shape != (out_channels,):
            raise ValueError(
                'initial_bias must have shape (out_channels,) = (%d,), got '
                '%s' % (out_channels, tuple(initial_bias.shape)))

        self.ksize = ksize
        self.stride = _util.pair(stride)
        self.pad = _util.pair(pad)
        self.dilate = _util.pair(dilate)
        self.outsize = outsize
        self.out_channels = out_channels
        self.groups = int(groups)

        _util.add_weight_and_bias(self, in_channels, nobias, initialW,
                                  initial_bias, out_channels)

    def _initialize_params(self, in_channels):
        self.W.initialize(_util.filter_shape(
            in_channels, self.out_channels, _util.ntuple(self.ksize, 2),
            self.groups, transposed=True))

    def forward(self, x):
        """Applies the deconvolution layer.

        Args:
            x (~chainer.Variable or ndarray): Input of shape
                ``(n, in_channels, h, w)``.

        Returns:
            ~chainer.Variable: Output of the deconvolution.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return chainer.functions.deconvolution_2d(
            x, self.W, self.b, self.stride, self.pad, self.outsize,
            dilate=self.dilate, groups=self.groups)
