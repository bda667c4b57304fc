"""VGG networks pretrained on ImageNet (16 and 19 layers)."""
import collections

import chainer.functions as F
from chainer.dataset import download
from chainer.initializers import constant
from chainer.initializers import normal
from chainer.links.connection import convolution_2d
from chainer.links.connection import linear
from chainer.links.model.vision import _common
from chainer.serializers import npz

# Convolution blocks: (output channels, number of 3x3 convolutions).
_BLOCKS = {
    16: ((64, 2), (128, 2), (256, 3), (512, 3), (512, 3)),
    19: ((64, 2), (128, 2), (256, 4), (512, 4), (512, 4)),
}
# v5's URL, kept exactly: the download cache is named by its MD5.
_URL = ('http://www.robots.ox.ac.uk/%7Evgg/software/very_deep/caffe/'
        'VGG_ILSVRC_{}_layers.caffemodel')
# The mean pixel of the VGG team (BGR), rather than their mean image, so
# that any input size works.
_MEAN = (103.939, 116.779, 123.68)


def _max_pooling_2d(x):
    return F.max_pooling_2d(x, ksize=2)


class VGGLayers(_common.PretrainedModel):

    """A pre-trained CNN model provided by the VGG team.

    During initialization, this chain model automatically downloads the
    pre-trained caffemodel, converts it to a chainer model, stores it in
    your local directory, and initializes all the parameters with it. It
    is useful to extract a semantic feature vector from an image, or to
    fine-tune the model on a different dataset. The pre-trained model is
    released under the Creative Commons Attribution License.

    To convert a downloaded caffemodel yourself, use
    :meth:`convert_caffemodel_to_npz`.

    See: K. Simonyan and A. Zisserman, `Very Deep Convolutional Networks
    for Large-Scale Image Recognition <https://arxiv.org/abs/1409.1556>`_

    Args:
        pretrained_model (str): The destination of the pre-trained chainer
            model serialized as a ``.npz`` file. If it is ``'auto'``, the
            caffemodel is downloaded from the internet and converted on the
            first use, and the converted model is stored as
            ``$CHAINER_DATASET_ROOT/pfnet/chainer/models/
            VGG_ILSVRC_{16,19}_layers.npz`` (``$CHAINER_DATASET_ROOT`` is
            ``$HOME/.chainer/dataset`` unless set) and used from the second
            time on. If it is ``None``, the parameters are initialized as
            in the original paper (:class:`~chainer.initializers.Normal`
            with scale 0.01 for the weights, zero for the biases).
        n_layers (int): The number of layers, 16 or 19.

    Attributes:
        available_layers (list of str): The list of available layer names
            used by :meth:`forward` and :meth:`extract`.

    """

    _mean = _MEAN

    def __init__(self, pretrained_model='auto', n_layers=16):
        super(VGGLayers, self).__init__()
        if n_layers not in _BLOCKS:
            raise ValueError(
                'The n_layers argument should be either 16 or 19, '
                'but {} was given.'.format(n_layers))
        if pretrained_model:
            # The weights are overwritten at once: a zero fill is cheaper
            # than sampling.
            kwargs = {'initialW': constant.Zero(),
                      'initial_bias': constant.Zero()}
        else:
            kwargs = {'initialW': normal.Normal(0.01),
                      'initial_bias': constant.Zero()}
        self._conv_names = []
        with self.init_scope():
            in_channels = 3
            for block, (channels, count) in enumerate(_BLOCKS[n_layers]):
                names = []
                for i in range(count):
                    name = 'conv{}_{}'.format(block + 1, i + 1)
                    setattr(self, name, convolution_2d.Convolution2D(
                        in_channels, channels, 3, 1, 1, **kwargs))
                    in_channels = channels
                    names.append(name)
                self._conv_names.append(names)
            self.fc6 = linear.Linear(512 * 7 * 7, 4096, **kwargs)
            self.fc7 = linear.Linear(4096, 4096, **kwargs)
            self.fc8 = linear.Linear(4096, 1000, **kwargs)

        if pretrained_model == 'auto':
            name = 'VGG_ILSVRC_{}_layers'.format(n_layers)
            _common.retrieve(
                name + '.npz', self,
                lambda: download.cached_download(_URL.format(n_layers)),
                self.convert_caffemodel_to_npz)
        elif pretrained_model:
            npz.load_npz(pretrained_model, self)

    @property
    def functions(self):
        """Ordered mapping from layer names to the callables computing them.
        """
        funcs = collections.OrderedDict()
        for block, names in enumerate(self._conv_names):
            for name in names:
                funcs[name] = [self[name], F.relu]
            funcs['pool{}'.format(block + 1)] = [_max_pooling_2d]
        funcs['fc6'] = [self.fc6, F.relu, F.dropout]
        funcs['fc7'] = [self.fc7, F.relu, F.dropout]
        funcs['fc8'] = [self.fc8]
        funcs['prob'] = [F.softmax]
        return funcs

    @classmethod
    def convert_caffemodel_to_npz(cls, path_caffemodel, path_npz):
        """Converts a pre-trained caffemodel to a chainer model.

        Args:
            path_caffemodel (str): Path of the pre-trained caffemodel.
            path_npz (str): Path of the converted chainer model.
        """
        # The Caffe layers have the same names as the links here.
        from chainer.links.caffe.caffe_function import CaffeFunction
        caffemodel = CaffeFunction(path_caffemodel)
        npz.save_npz(path_npz, caffemodel, compression=False)

    def extract(self, images, layers=['fc7'], size=(224, 224), **kwargs):
        """extract(self, images, layers=['fc7'], size=(224, 224))

        Extracts all the feature maps of given images: ``prepare`` on each
        image, then ``forward``. The ``test`` and ``volatile`` arguments of
        v1 are rejected, as in ``forward``.

        Args:
            images (iterable of PIL.Image or numpy.ndarray): Input images.
            layers (list of str): The names of the layers to return.
            size (pair of ints): The size the images are resized to, or
                ``None`` to keep images that all have the same size.

        Returns:
            Dictionary of ~chainer.Variable: The feature map of each layer
            of ``layers``, by name.

        """
        # Only the default layer differs from the other models.
        return super(VGGLayers, self).extract(images, layers, size,
                                              **kwargs)


class VGG16Layers(VGGLayers):

    """A pre-trained CNN model with 16 layers provided by the VGG team.

    See :class:`VGGLayers`; the converted model is stored as
    ``VGG_ILSVRC_16_layers.npz``.

    Args:
        pretrained_model (str): Path to a ``.npz`` file, ``'auto'`` or
            ``None`` (see :class:`VGGLayers`).

    """

    def __init__(self, pretrained_model='auto'):
        super(VGG16Layers, self).__init__(pretrained_model, 16)


class VGG19Layers(VGGLayers):

    """A pre-trained CNN model with 19 layers provided by the VGG team.

    See :class:`VGGLayers`; the converted model is stored as
    ``VGG_ILSVRC_19_layers.npz``.

    Args:
        pretrained_model (str): Path to a ``.npz`` file, ``'auto'`` or
            ``None`` (see :class:`VGGLayers`).

    """

    def __init__(self, pretrained_model='auto'):
        super(VGG19Layers, self).__init__(pretrained_model, 19)


def prepare(image, size=(224, 224)):
    return _common.prepare_image(image, size, _MEAN)


prepare.__doc__ = _common.PREPARE_DOC.format(models='VGG models')
