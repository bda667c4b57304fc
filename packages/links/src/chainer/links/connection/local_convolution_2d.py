"""Locally-connected layer (``chainer.links.LocalConvolution2D``)."""
import chainer.functions
from chainer import initializers
from chainer import link
from chainer.links.connection import _util
from chainer.utils import argument
from chainer.utils import conv
from chainer import variable


class LocalConvolution2D(link.Link):

    """Two-dimensional locally-connected layer.

    Like a convolution without padding, but every output pixel has its
    own filter (:func:`~chainer.functions.local_convolution_2d`), so the
    parameter shapes depend on the input size.

    Args:
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        in_size (int, pair of ints or None): Spatial size ``(h, w)`` of the
            input. The parameters are created right away only when both
            ``in_channels`` and ``in_size`` are given, otherwise on the
            first forward pass.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride of the filter.
        nobias (bool): If ``True``, the layer has no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b`` (default zero).

    Attributes:
        W (~chainer.Parameter): Filters of shape
            ``(out_channels, out_h, out_w, in_channels, kh, kw)``.
        b (~chainer.Parameter): Bias of shape
            ``(out_channels, out_h, out_w)`` or ``None``.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> layer = L.LocalConvolution2D(2, 3, in_size=5, ksize=3)
        >>> layer.W.shape
        (3, 3, 3, 2, 3, 3)
        >>> layer(numpy.zeros((1, 2, 5, 5), numpy.float32)).shape
        (1, 3, 3, 3)

    """

    def __init__(self, in_channels, out_channels, in_size=None, ksize=None,
                 stride=1, nobias=False, initialW=None, initial_bias=None,
                 **kwargs):
        super(LocalConvolution2D, self).__init__()
        argument.parse_kwargs(
            kwargs,
            deterministic=_util.DETERMINISTIC_ERROR)
        if ksize is None:
            raise TypeError('LocalConvolution2D needs ksize')
        self.ksize = ksize
        self.stride = _util.pair(stride)
        self.nobias = nobias
        self.out_channels = out_channels

        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            self.b = _util.bias_parameter(nobias, initial_bias)
            if in_channels is not None and in_size is not None:
                self._initialize_params(in_channels, _util.pair(in_size))

    def _initialize_params(self, in_channels, in_size):
        kh, kw = _util.pair(self.ksize)
        sy, sx = self.stride
        ih, iw = in_size
        oh = conv.get_conv_outsize(ih, kh, sy, 0)
        ow = conv.get_conv_outsize(iw, kw, sx, 0)
        if oh <= 0 or ow <= 0:
            raise ValueError(
                'input size %s is smaller than the filter %s'
                % ((ih, iw), (kh, kw)))
        self.W.initialize((self.out_channels, oh, ow, in_channels, kh, kw))
        if self.b is not None:
            self.b.initialize((self.out_channels, oh, ow))

    def forward(self, x):
        """Applies the locally-connected layer.

        Args:
            x (~chainer.Variable or ndarray): Input of shape
                ``(n, in_channels, h, w)``.

        Returns:
            ~chainer.Variable: Output of shape
            ``(n, out_channels, out_h, out_w)``.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1], x.shape[2:])
        return chainer.functions.local_convolution_2d(
            x, self.W, self.b, self.stride)
