"""Deformable convolution layer (``chainer.links.DeformableConvolution2D``).
"""
import chainer.functions
from chainer import initializers
from chainer import link
from chainer.links.connection import _util
from chainer.links.connection import convolution_2d
from chainer import variable


class DeformableConvolution2D(link.Chain):

    """Two-dimensional deformable convolutional layer.

    A plain convolution ``offset_conv`` predicts, for each output pixel,
    a 2-D offset of each of the ``kh * kw`` filter taps; ``deform_conv``
    then convolves the input sampled (bilinearly) at the shifted taps
    (:func:`~chainer.functions.deformable_convolution_2d_sampler`).

    Args:
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride of both convolutions.
        pad (int or pair of ints): Zero padding of both convolutions.
        offset_nobias (bool): If ``True``, the offset convolution has no
            bias.
        offset_initialW (:ref:`initializer <initializer>`): Initializer
            of the offset convolution's filter (default
            :class:`~chainer.initializers.LeCunNormal`, as for any
            :class:`~chainer.links.Convolution2D`).
        offset_initial_bias (:ref:`initializer <initializer>`):
            Initializer of the offset convolution's bias (default zero).
        deform_nobias (bool): If ``True``, the deformable convolution has
            no bias.
        deform_initialW (:ref:`initializer <initializer>`): Initializer of
            the deformable convolution's filter; ``None`` means zero (v5's
            default).
        deform_initial_bias (:ref:`initializer <initializer>`):
            Initializer of the deformable convolution's bias (default
            zero).

    Attributes:
        offset_conv (~chainer.links.Convolution2D): Offset convolution
            with ``2 * kh * kw`` output channels.
        deform_conv (DeformableConvolution2DSampler): Link holding the
            filter ``W`` and bias ``b`` applied to the sampled input.
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 offset_nobias=False, offset_initialW=None,
                 offset_initial_bias=None, deform_nobias=False,
                 deform_initialW=None, deform_initial_bias=None):
        super(DeformableConvolution2D, self).__init__()
        kh, kw = _util.pair(ksize)
        with self.init_scope():
            self.offset_conv = convolution_2d.Convolution2D(
                in_channels, 2 * kh * kw, ksize, stride, pad,
                offset_nobias, offset_initialW, offset_initial_bias)
            self.deform_conv = DeformableConvolution2DSampler(
                in_channels, out_channels, ksize, stride, pad,
                deform_nobias, deform_initialW, deform_initial_bias)

    def forward(self, x):
        """Applies the deformable convolution.

        Args:
            x (~chainer.Variable or ndarray): Input of shape
                ``(n, in_channels, h, w)``.

        Returns:
            ~chainer.Variable: Output of shape ``(n, out_channels, h_O,
            w_O)``.
        """
        offset = self.offset_conv(x)
        return self.deform_conv(x, offset)


class DeformableConvolution2DSampler(link.Link):

    """Filter and bias of a deformable convolution, given the offsets.

    Args:
        in_channels (int or None): Number of input channels (``None``:
            from the first input).
        out_channels (int): Number of output channels.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride.
        pad (int or pair of ints): Zero padding.
        nobias (bool): If ``True``, there is no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``
            (default zero, as in v5).
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b`` (default zero).
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None):
        super(DeformableConvolution2DSampler, self).__init__()
        self.ksize = _util.pair(ksize)
        self.stride = _util.pair(stride)
        self.pad = _util.pair(pad)
        self.out_channels = out_channels
        self.initialW = initialW
        if initialW is None:
            # v5's sampler starts from a zero filter, unlike the other
            # convolutions (and its offset_conv) that use LeCunNormal.
            initialW = initializers.Zero()
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            # v5 shapes b together with W, so a lazy layer has neither.
            self.b = _util.bias_parameter(nobias, initial_bias)
        if in_channels is not None:
            self._initialize_params(in_channels)

    def _initialize_params(self, in_channels):
        self.W.initialize(_util.filter_shape(
            in_channels, self.out_channels, self.ksize))
        if self.b is not None:
            self.b.initialize((self.out_channels,))

    def forward(self, x, offset):
        """Convolves ``x`` sampled at the taps moved by ``offset``."""
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return chainer.functions.deformable_convolution_2d_sampler(
            x, offset, self.W, self.b, self.stride, self.pad)
