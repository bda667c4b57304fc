"""Inception module of GoogLeNet (``chainer.links.Inception``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import convolution_2d


class Inception(link.Chain):

    """Inception module of GoogLeNet.

    Four branches applied to the same input are concatenated along the
    channels and passed through ReLU:

    1. a 1x1 convolution (``conv1``, ``out1`` channels);
    2. a 1x1 projection (``proj3``) with ReLU, then a 3x3 convolution
       (``conv3``, padding 1);
    3. a 1x1 projection (``proj5``) with ReLU, then a 5x5 convolution
       (``conv5``, padding 2);
    4. 3x3 max pooling (stride 1, padding 1), then a 1x1 projection
       (``projp``).

    The output has ``out1 + out3 + out5 + proj_pool`` channels and the
    spatial size of the input.

    Args:
        in_channels (int or None): Number of input channels (``None``:
            from the first input).
        out1 (int): Output channels of the 1x1 branch.
        proj3 (int): Channels of the projection before the 3x3 branch.
        out3 (int): Output channels of the 3x3 branch.
        proj5 (int): Channels of the projection before the 5x5 branch.
        out5 (int): Output channels of the 5x5 branch.
        proj_pool (int): Output channels of the pooling branch.
        conv_init (:ref:`initializer <initializer>`): Initializer of all
            the filters.
        bias_init (:ref:`initializer <initializer>`): Initializer of all
            the biases.

    See: `Going Deeper with Convolutions <https://arxiv.org/abs/1409.4842>`_
    """

    def __init__(self, in_channels, out1, proj3, out3, proj5, out5,
                 proj_pool, conv_init=None, bias_init=None):
        super(Inception, self).__init__()

        def conv(n_in, n_out, ksize, pad=0):
            return convolution_2d.Convolution2D(
                n_in, n_out, ksize, pad=pad, initialW=conv_init,
                initial_bias=bias_init)

        with self.init_scope():
            self.conv1 = conv(in_channels, out1, 1)
            self.proj3 = conv(in_channels, proj3, 1)
            self.conv3 = conv(proj3, out3, 3, pad=1)
            self.proj5 = conv(in_channels, proj5, 1)
            self.conv5 = conv(proj5, out5, 5, pad=2)
            self.projp = conv(in_channels, proj_pool, 1)

    def forward(self, x):
        """Computes the output of the Inception module.

        Args:
            x (~chainer.Variable or ndarray): Input ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: Output ``(n, out1 + out3 + out5 + proj_pool,
            h, w)``.
        """
        F = chainer.functions
        out1 = self.conv1(x)
        out3 = self.conv3(F.relu(self.proj3(x)))
        out5 = self.conv5(F.relu(self.proj5(x)))
        pool = self.projp(F.max_pooling_2d(x, 3, stride=1, pad=1))
        return F.relu(F.concat((out1, out3, out5, pool), axis=1))
