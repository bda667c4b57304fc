"""Residual networks pretrained on ImageNet (50, 101 and 152 layers)."""
import collections
import os

import chainer.functions as F
from chainer.dataset import download
from chainer.initializers import constant
from chainer.initializers import normal
from chainer.links.connection import convolution_2d
from chainer.links.connection import linear
from chainer.links.model.vision import _common
from chainer.links.model.vision import _resnet_blocks
from chainer.links.model.vision import _resnet_caffe
from chainer.links.normalization import batch_normalization
from chainer.serializers import npz

# Bottlenecks in each of the four residual blocks (res2 to res5).
_BLOCKS = {50: (3, 4, 6, 3), 101: (3, 4, 23, 3), 152: (3, 8, 36, 3)}

# The residual blocks are public here, as in v5.
BuildingBlock = _resnet_blocks.BuildingBlock
BottleneckA = _resnet_blocks.BottleneckA
BottleneckB = _resnet_blocks.BottleneckB
# The mean pixel of MSRA's training set (BGR); slightly different from VGG's.
_MEAN = (103.063, 115.903, 123.152)


def _global_average_pooling_2d(x):
    n, channels, rows, cols = x.shape
    h = F.average_pooling_2d(x, (rows, cols), stride=1)
    return F.reshape(h, (n, channels))


def _max_pooling_2d(x):
    return F.max_pooling_2d(x, ksize=3, stride=2)


class ResNetLayers(_common.PretrainedModel):

    """A pre-trained CNN model provided by MSRA.

    When you specify the path of the pre-trained chainer model serialized
    as a ``.npz`` file in the constructor, this chain model automatically
    initializes all the parameters with it. This model would be useful
    when you want to extract a semantic feature vector per image, or
    fine-tune the model on a different dataset. Note that unlike
    :class:`~chainer.links.VGG16Layers`, it does not automatically download
    a pre-trained caffemodel. This caffemodel can be downloaded at
    `GitHub <https://github.com/KaimingHe/deep-residual-networks>`_.

    If you want to manually convert the pre-trained caffemodel to a chainer
    model that can be specified in the constructor, please use
    :meth:`convert_caffemodel_to_npz`.

    See: K. He et. al., `Deep Residual Learning for Image Recognition
    <https://arxiv.org/abs/1512.03385>`_

    Args:
        pretrained_model (str): the destination of the pre-trained chainer
            model serialized as a ``.npz`` file. If this argument is a name
            ending with ``.caffemodel`` (``'auto'`` in the subclasses means
            ``ResNet-{n_layers}-model.caffemodel``), the converted chainer
            model ``ResNet-{n_layers}-model.npz`` in
            ``$CHAINER_DATASET_ROOT/pfnet/chainer/models`` is loaded; it is
            made on the first use from the caffemodel of that name placed
            in the same directory (``$CHAINER_DATASET_ROOT`` is
            ``$HOME/.chainer/dataset`` unless set). If the argument is
            ``None``, the parameters are initialized as in the original
            paper (:class:`~chainer.initializers.HeNormal` for the
            convolutions).
        n_layers (int): The number of layers of this model: 50, 101 or
            152.
        downsample_fb (bool): If ``True``, the stride 2 of the first
            bottleneck of a block is on its 3x3 convolution (Facebook's
            ResNet); if ``False``, on its first 1x1 convolution (MSRA's,
            the layout of the pre-trained models).

    Attributes:
        available_layers (list of str): The list of available layer names
            used by ``forward`` and ``extract`` methods.

    """

    _mean = _MEAN

    def __init__(self, pretrained_model, n_layers, downsample_fb=False):
        super(ResNetLayers, self).__init__()
        if n_layers not in _BLOCKS:
            raise ValueError('The n_layers argument should be either 50, '
                             '101, or 152, but {} was given.'
                             .format(n_layers))
        if pretrained_model:
            # The weights are overwritten at once: a zero fill is cheaper
            # than sampling.
            conv_kwargs = {'initialW': constant.Zero()}
        else:
            conv_kwargs = {'initialW': normal.HeNormal(scale=1.0)}
        blocks = _BLOCKS[n_layers]
        with self.init_scope():
            self.conv1 = convolution_2d.Convolution2D(
                3, 64, 7, 2, 3, **conv_kwargs)
            self.bn1 = batch_normalization.BatchNormalization(64)
            self.res2 = BuildingBlock(blocks[0], 64, 64, 256, 1,
                                      downsample_fb=downsample_fb,
                                      **conv_kwargs)
            self.res3 = BuildingBlock(blocks[1], 256, 128, 512, 2,
                                      downsample_fb=downsample_fb,
                                      **conv_kwargs)
            self.res4 = BuildingBlock(blocks[2], 512, 256, 1024, 2,
                                      downsample_fb=downsample_fb,
                                      **conv_kwargs)
            self.res5 = BuildingBlock(blocks[3], 1024, 512, 2048, 2,
                                      downsample_fb=downsample_fb,
                                      **conv_kwargs)
            self.fc6 = linear.Linear(2048, 1000)

        if pretrained_model and pretrained_model.endswith('.caffemodel'):
            root = download.get_dataset_directory('pfnet/chainer/models/')
            path_caffemodel = os.path.join(root, pretrained_model)
            _common.retrieve(
                'ResNet-{}-model.npz'.format(n_layers), self,
                lambda: _resnet_caffe.check_exists(path_caffemodel),
                lambda path_caffe, path_npz:
                ResNetLayers.convert_caffemodel_to_npz(
                    path_caffe, path_npz, n_layers))
        elif pretrained_model:
            npz.load_npz(pretrained_model, self)

    @property
    def functions(self):
        """Ordered mapping from layer names to the callables computing them.
        """
        return collections.OrderedDict([
            ('conv1', [self.conv1, self.bn1, F.relu]),
            ('pool1', [_max_pooling_2d]),
            ('res2', [self.res2]),
            ('res3', [self.res3]),
            ('res4', [self.res4]),
            ('res5', [self.res5]),
            ('pool5', [_global_average_pooling_2d]),
            ('fc6', [self.fc6]),
            ('prob', [F.softmax]),
        ])

    @classmethod
    def convert_caffemodel_to_npz(cls, path_caffemodel, path_npz,
                                  n_layers=50):
        """Converts a pre-trained caffemodel to a chainer model.

        Args:
            path_caffemodel (str): Path of the pre-trained caffemodel.
            path_npz (str): Path of the converted chainer model.
            n_layers (int): The number of layers of the caffemodel.
        """
        from chainer.links.caffe.caffe_function import CaffeFunction
        caffemodel = CaffeFunction(path_caffemodel)
        chainermodel = ResNetLayers(None, n_layers)
        _resnet_caffe.transfer(caffemodel, chainermodel, n_layers)
        npz.save_npz(path_npz, chainermodel, compression=False)

# The docstring of ResNet50Layers, ResNet101Layers and ResNet152Layers.
_FIXED_DEPTH_DOC = """A pre-trained CNN model with {n} layers provided by MSRA.

    See :class:`~chainer.links.model.vision.resnet.ResNetLayers`. Here
    ``pretrained_model='auto'`` (the default) stands for
    ``'ResNet-{n}-model.caffemodel'``: the chainer model
    ``ResNet-{n}-model.npz`` of the dataset directory is loaded, made on
    the first use from that caffemodel, which you download yourself.

    Args:
        pretrained_model (str): ``'auto'``, the name of a ``.caffemodel``
            file, the path of a ``.npz`` file, or ``None`` for the random
            initialization of the original paper.
        downsample_fb (bool): Where the stride of the first bottleneck of
            each block goes (see ``ResNetLayers``).

    """


def _convert_with_depth(depth):
    # Each fixed-depth model converts caffemodels of its own depth by
    # default; a function per class keeps that default in the signature.
    def convert_caffemodel_to_npz(cls, path_caffemodel, path_npz,
                                  n_layers=depth):
        """Converts the pre-trained caffemodel to a chainer model.

        Args:
            path_caffemodel (str): Path of the pre-trained caffemodel.
            path_npz (str): Path of the converted chainer model.
            n_layers (int): The number of layers of the caffemodel.
        """
        ResNetLayers.convert_caffemodel_to_npz(
            path_caffemodel, path_npz, n_layers)
    return classmethod(convert_caffemodel_to_npz)


class _FixedDepthResNet(ResNetLayers):

    # The depth, set by each subclass.
    _n_layers = None

    def __init__(self, pretrained_model='auto', downsample_fb=False):
        if pretrained_model == 'auto':
            pretrained_model = 'ResNet-{}-model.caffemodel'.format(
                self._n_layers)
        super(_FixedDepthResNet, self).__init__(
            pretrained_model, self._n_layers, downsample_fb)


class ResNet50Layers(_FixedDepthResNet):

    __doc__ = _FIXED_DEPTH_DOC.format(n=50)
    _n_layers = 50
    convert_caffemodel_to_npz = _convert_with_depth(50)


class ResNet101Layers(_FixedDepthResNet):

    __doc__ = _FIXED_DEPTH_DOC.format(n=101)
    _n_layers = 101
    convert_caffemodel_to_npz = _convert_with_depth(101)


class ResNet152Layers(_FixedDepthResNet):

    __doc__ = _FIXED_DEPTH_DOC.format(n=152)
    _n_layers = 152
    convert_caffemodel_to_npz = _convert_with_depth(152)


def prepare(image, size=(224, 224)):
    return _common.prepare_image(image, size, _MEAN)


prepare.__doc__ = _common.PREPARE_DOC.format(models='ResNets')
