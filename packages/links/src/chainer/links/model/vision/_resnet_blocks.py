"""Residual blocks of the ResNets (re-exported by ``resnet``)."""
import chainer.functions as F
from chainer import link
from chainer.links.connection import convolution_2d
from chainer.links.normalization import batch_normalization


class BuildingBlock(link.Chain):

    """A building block that consists of several Bottleneck layers.

    Args:
        n_layer (int): Number of layers used in the building block.
        in_channels (int): Number of channels of input arrays.
        mid_channels (int): Number of channels of intermediate arrays.
        out_channels (int): Number of channels of output arrays.
        stride (int or tuple of ints): Stride of filter application.
        initialW (4-D array): Initial weight value used in the
            convolutional layers.
        downsample_fb (bool): If this argument is specified as ``False``,
            it performs downsampling by placing stride 2 on the 1x1
            convolutional layers (the original MSRA ResNet). If this
            argument is specified as ``True``, it performs downsampling by
            placing stride 2 on the 3x3 convolutional layers (Facebook
            ResNet).

    """

    def __init__(self, n_layer, in_channels, mid_channels, out_channels,
                 stride, initialW=None, downsample_fb=False):
        super(BuildingBlock, self).__init__()
        with self.init_scope():
            self.a = BottleneckA(in_channels, mid_channels, out_channels,
                                 stride, initialW, downsample_fb)
            self._forward = ['a']
            for i in range(n_layer - 1):
                name = 'b{}'.format(i + 1)
                setattr(self, name, BottleneckB(out_channels, mid_channels,
                                                initialW))
                self._forward.append(name)

    def forward(self, x):
        for name in self._forward:
            x = self[name](x)
        return x


class BottleneckA(link.Chain):

    """A bottleneck layer that reduces the resolution of the feature map.

    Its main path is a 1x1, a 3x3 and a 1x1 convolution (``conv1`` to
    ``conv3``), each followed by batch normalization (``bn1`` to ``bn3``)
    and, but the last, ReLU; its shortcut is a strided 1x1 convolution
    (``conv4``, ``bn4``). The sum of both goes through ReLU.

    Args:
        in_channels (int): Number of channels of input arrays.
        mid_channels (int): Number of channels of intermediate arrays.
        out_channels (int): Number of channels of output arrays.
        stride (int or tuple of ints): Stride of filter application.
        initialW (4-D array): Initial weight value used in the
            convolutional layers.
        downsample_fb (bool): If ``False``, the stride is on ``conv1``
            (MSRA ResNet); if ``True``, on ``conv2`` (Facebook ResNet).

    """

    def __init__(self, in_channels, mid_channels, out_channels,
                 stride=2, initialW=None, downsample_fb=False):
        super(BottleneckA, self).__init__()
        stride_1x1, stride_3x3 = (1, stride) if downsample_fb else (stride, 1)
        with self.init_scope():
            self.conv1 = _conv(in_channels, mid_channels, 1, stride_1x1, 0,
                               initialW)
            self.bn1 = batch_normalization.BatchNormalization(mid_channels)
            self.conv2 = _conv(mid_channels, mid_channels, 3, stride_3x3, 1,
                               initialW)
            self.bn2 = batch_normalization.BatchNormalization(mid_channels)
            self.conv3 = _conv(mid_channels, out_channels, 1, 1, 0,
                               initialW)
            self.bn3 = batch_normalization.BatchNormalization(out_channels)
            self.conv4 = _conv(in_channels, out_channels, 1, stride, 0,
                               initialW)
            self.bn4 = batch_normalization.BatchNormalization(out_channels)

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        h = F.relu(self.bn2(self.conv2(h)))
        h = self.bn3(self.conv3(h))
        return F.relu(h + self.bn4(self.conv4(x)))


class BottleneckB(link.Chain):

    """A bottleneck layer that maintains the resolution of the feature map.

    Like :class:`BottleneckA` with stride 1, whose shortcut is the input
    itself.

    Args:
        in_channels (int): Number of channels of input and output arrays.
        mid_channels (int): Number of channels of intermediate arrays.
        initialW (4-D array): Initial weight value used in the
            convolutional layers.

    """

    def __init__(self, in_channels, mid_channels, initialW=None):
        super(BottleneckB, self).__init__()
        with self.init_scope():
            self.conv1 = _conv(in_channels, mid_channels, 1, 1, 0, initialW)
            self.bn1 = batch_normalization.BatchNormalization(mid_channels)
            self.conv2 = _conv(mid_channels, mid_channels, 3, 1, 1, initialW)
            self.bn2 = batch_normalization.BatchNormalization(mid_channels)
            self.conv3 = _conv(mid_channels, in_channels, 1, 1, 0, initialW)
            self.bn3 = batch_normalization.BatchNormalization(in_channels)

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        h = F.relu(self.bn2(self.conv2(h)))
        h = self.bn3(self.conv3(h))
        return F.relu(h + x)


def _conv(in_channels, out_channels, ksize, stride, pad, initialW):
    return convolution_2d.Convolution2D(
        in_channels, out_channels, ksize, stride, pad, initialW=initialW,
        nobias=True)
