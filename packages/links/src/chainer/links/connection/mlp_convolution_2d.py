"""Network-in-network block (``chainer.links.MLPConvolution2D``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import convolution_2d
from chainer.utils import argument


class MLPConvolution2D(link.ChainList):

    """__init__(self, in_channels, out_channels, ksize=None, stride=1, \
pad=0, activation=relu.relu, conv_init=None, bias_init=None)

    Two-dimensional MLP convolution layer of Network in Network.

    A convolution with ``ksize`` followed by 1x1 convolutions, with
    ``activation`` between them (not after the last one). Like
    :class:`~chainer.links.Convolution2D`, it can be built as
    ``MLPConvolution2D(out_channels, ksize)``.

    Args:
        in_channels (int or None): Number of input channels.
        out_channels (tuple of ints): Output channels of each convolution.
        ksize (int or pair of ints): Filter size of the first convolution.
        stride (int or pair of ints): Stride of the first convolution.
        pad (int or pair of ints): Padding of the first convolution.
        activation (callable): Activation between the convolutions.
        conv_init (:ref:`initializer <initializer>`): Initializer of the
            filters.
        bias_init (:ref:`initializer <initializer>`): Initializer of the
            biases.

    See: `Network in Network <https://arxiv.org/abs/1312.4400>`_

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> mlpconv = L.MLPConvolution2D(3, (8, 4, 2), 3)
        >>> len(mlpconv)
        3
        >>> mlpconv(numpy.zeros((1, 3, 5, 5), numpy.float32)).shape
        (1, 2, 3, 3)

    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, activation=chainer.functions.relu, conv_init=None,
                 bias_init=None, **kwargs):
        argument.parse_kwargs(
            kwargs,
            wscale='wscale is not supported anymore. Use conv_init and '
                   'bias_init argument to change the scale of initial '
                   'parameters.')
        if ksize is None:
            out_channels, ksize, in_channels = in_channels, out_channels, None
        if len(out_channels) == 0:
            raise ValueError('out_channels must not be empty')

        convs = [convolution_2d.Convolution2D(
            in_channels, out_channels[0], ksize, stride, pad,
            initialW=conv_init, initial_bias=bias_init)]
        for n_in, n_out in zip(out_channels, out_channels[1:]):
            convs.append(convolution_2d.Convolution2D(
                n_in, n_out, 1, initialW=conv_init, initial_bias=bias_init))
        super(MLPConvolution2D, self).__init__(*convs)
        self.activation = activation

    def forward(self, x):
        """Computes the output of the MLP convolution layer.

        Args:
            x (~chainer.Variable or ndarray): Input ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: Output of the last convolution.
        """
        f = self.activation
        for conv in self[:-1]:
            x = f(conv(x))
        return self[-1](x)
