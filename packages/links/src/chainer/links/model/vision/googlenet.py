"""GoogLeNet (Inception v1) pretrained on ImageNet by BVLC."""
import collections

import chainer.functions as F
from chainer.dataset import download
from chainer.initializers import constant
from chainer.initializers import uniform
from chainer.links.connection import convolution_2d
from chainer.links.connection import inception
from chainer.links.connection import linear
from chainer.links.model.vision import _common
from chainer.serializers import npz

_URL = 'http://dl.caffe.berkeleyvision.org/bvlc_googlenet.caffemodel'
# BVLC's mean pixel (BGR).
_MEAN = (104.0, 117.0, 123.0)
# Inception modules: (name, in_channels, out1, proj3, out3, proj5, out5,
# proj_pool).
_INCEPTIONS = (
    ('3a', 192, 64, 96, 128, 16, 32, 32),
    ('3b', 256, 128, 128, 192, 32, 96, 64),
    ('4a', 480, 192, 96, 208, 16, 48, 64),
    ('4b', 512, 160, 112, 224, 24, 64, 64),
    ('4c', 512, 128, 128, 256, 24, 64, 64),
    ('4d', 512, 112, 144, 288, 32, 64, 64),
    ('4e', 528, 256, 160, 320, 32, 128, 128),
    ('5a', 832, 256, 160, 320, 32, 128, 128),
    ('5b', 832, 384, 192, 384, 48, 128, 128),
)


def _max_pooling_2d(x):
    return F.max_pooling_2d(x, ksize=3, stride=2)


def _local_response_normalization(x):
    return F.local_response_normalization(x, n=5, k=1, alpha=1e-4 / 5)


def _average_pooling_2d_k5(x):
    return F.average_pooling_2d(x, ksize=5, stride=3)


def _average_pooling_2d_k7(x):
    return F.average_pooling_2d(x, ksize=7, stride=1)


def _dropout(x):
    return F.dropout(x, ratio=0.4)


class GoogLeNet(_common.PretrainedModel):

    """A pre-trained GoogLeNet model provided by BVLC.

    When you specify the path of the pre-trained chainer model serialized
    as a ``.npz`` file in the constructor, this chain model automatically
    initializes all the parameters with it. This model would be useful
    when you want to extract a semantic feature vector per image, or
    fine-tune the model on a different dataset.

    If you want to manually convert the pre-trained caffemodel to a chainer
    model that can be specified in the constructor, please use
    :meth:`convert_caffemodel_to_npz`.

    The auxiliary classifiers ``loss1_fc2`` and ``loss2_fc2`` branch off
    ``inception_4a`` and ``inception_4d``; they come after ``prob`` in
    :attr:`available_layers` so that they are computed only on request.

    See: C. Szegedy, et. al., `Going Deeper with Convolutions
    <https://arxiv.org/abs/1409.4842>`_

    Args:
        pretrained_model (str): the destination of the pre-trained chainer
            model serialized as a ``.npz`` file. If this argument is
            specified as ``'auto'``, it automatically downloads the
            caffemodel from the internet. Note that in this case the
            converted chainer model is stored on
            ``$CHAINER_DATASET_ROOT/pfnet/chainer/models`` directory, where
            ``$CHAINER_DATASET_ROOT`` is set as ``$HOME/.chainer/dataset``
            unless you specify another value as an environment variable.
            The converted chainer model is automatically used from the
            second time. If the argument is specified as ``None``, all the
            parameters are not initialized by the pre-trained model, but
            the default initializer used in BVLC, i.e.,
            ``chainer.initializers.LeCunUniform(scale=1.0)``.

    Attributes:
        available_layers (list of str): The list of available layer names
            used by ``forward`` and ``extract`` methods.

    """

    _mean = _MEAN
    # v5's GoogLeNet rejects ``train`` where the other models reject
    # ``test``.
    _removed_kwarg = 'train'
    # The auxiliary heads start from the inception_4a and inception_4d
    # outputs.
    _branches = {'loss1_fc2': 'inception_4a', 'loss2_fc2': 'inception_4d'}

    def __init__(self, pretrained_model='auto'):
        super(GoogLeNet, self).__init__()
        if pretrained_model:
            # The weights are overwritten at once: a zero fill is cheaper
            # than sampling.
            kwargs = {'initialW': constant.Zero()}
            inception_init = {'conv_init': constant.Zero()}
        else:
            kwargs = {'initialW': uniform.LeCunUniform(scale=1.0)}
            # v5 leaves the inception modules at their own defaults.
            inception_init = {}
        conv = convolution_2d.Convolution2D
        with self.init_scope():
            self.conv1 = conv(3, 64, 7, stride=2, pad=3, **kwargs)
            self.conv2_reduce = conv(64, 64, 1, **kwargs)
            self.conv2 = conv(64, 192, 3, stride=1, pad=1, **kwargs)
            for spec in _INCEPTIONS:
                setattr(self, 'inc' + spec[0], inception.Inception(
                    *spec[1:], **inception_init))
            self.loss3_fc = linear.Linear(1024, 1000, **kwargs)

            self.loss1_conv = conv(512, 128, 1, **kwargs)
            self.loss1_fc1 = linear.Linear(2048, 1024, **kwargs)
            self.loss1_fc2 = linear.Linear(1024, 1000, **kwargs)

            self.loss2_conv = conv(528, 128, 1, **kwargs)
            self.loss2_fc1 = linear.Linear(2048, 1024, **kwargs)
            self.loss2_fc2 = linear.Linear(1024, 1000, **kwargs)

        if pretrained_model == 'auto':
            _common.retrieve(
                'bvlc_googlenet.npz', self,
                lambda: download.cached_download(_URL),
                self.convert_caffemodel_to_npz)
        elif pretrained_model:
            npz.load_npz(pretrained_model, self)

    @property
    def functions(self):
        """Ordered mapping from layer names to the callables computing them.
        """
        funcs = collections.OrderedDict([
            ('conv1', [self.conv1, F.relu]),
            ('pool1', [_max_pooling_2d, _local_response_normalization]),
            ('conv2_reduce', [self.conv2_reduce, F.relu]),
            ('conv2', [self.conv2, F.relu, _local_response_normalization]),
            ('pool2', [_max_pooling_2d]),
        ])
        funcs['inception_3a'] = [self.inc3a]
        funcs['inception_3b'] = [self.inc3b]
        funcs['pool3'] = [_max_pooling_2d]
        funcs['inception_4a'] = [self.inc4a]
        funcs['inception_4b'] = [self.inc4b]
        funcs['inception_4c'] = [self.inc4c]
        funcs['inception_4d'] = [self.inc4d]
        funcs['inception_4e'] = [self.inc4e]
        funcs['pool4'] = [_max_pooling_2d]
        funcs['inception_5a'] = [self.inc5a]
        funcs['inception_5b'] = [self.inc5b]
        funcs['pool5'] = [_average_pooling_2d_k7]
        funcs['loss3_fc'] = [_dropout, self.loss3_fc]
        funcs['prob'] = [F.softmax]
        # The auxiliary heads, computed from the inception_4a and
        # inception_4d outputs (see _branches).
        funcs['loss1_fc2'] = [_average_pooling_2d_k5, self.loss1_conv,
                              F.relu, self.loss1_fc1, F.relu,
                              self.loss1_fc2]
        funcs['loss2_fc2'] = [_average_pooling_2d_k5, self.loss2_conv,
                              F.relu, self.loss2_fc1, F.relu,
                              self.loss2_fc2]
        return funcs

    @classmethod
    def convert_caffemodel_to_npz(cls, path_caffemodel, path_npz):
        """Converts a pre-trained caffemodel to a chainer model.

        Args:
            path_caffemodel (str): Path of the pre-trained caffemodel.
            path_npz (str): Path of the converted chainer model.
        """
        from chainer.links.caffe.caffe_function import CaffeFunction
        caffemodel = CaffeFunction(path_caffemodel)
        chainermodel = cls(pretrained_model=None)
        _transfer_googlenet(caffemodel, chainermodel)
        npz.save_npz(path_npz, chainermodel, compression=False)


def prepare(image, size=(224, 224)):
    return _common.prepare_image(image, size, _MEAN)


prepare.__doc__ = _common.PREPARE_DOC.format(models='GoogLeNet')


def _transfer_googlenet(src, dst):
    # Caffe layer names of the links outside the inception modules.
    names = (('conv1', 'conv1/7x7_s2'), ('conv2_reduce', 'conv2/3x3_reduce'),
             ('conv2', 'conv2/3x3'), ('loss1_conv', 'loss1/conv'),
             ('loss1_fc1', 'loss1/fc'), ('loss1_fc2', 'loss1/classifier'),
             ('loss2_conv', 'loss2/conv'), ('loss2_fc1', 'loss2/fc'),
             ('loss2_fc2', 'loss2/classifier'),
             ('loss3_fc', 'loss3/classifier'))
    pairs = [(dst[d], src[s]) for d, s in names]
    branches = (('conv1', '1x1'), ('proj3', '3x3_reduce'), ('conv3', '3x3'),
                ('proj5', '5x5_reduce'), ('conv5', '5x5'),
                ('projp', 'pool_proj'))
    for spec in _INCEPTIONS:
        module = dst['inc' + spec[0]]
        for d, s in branches:
            pairs.append((module[d], src['inception_{}/{}'.format(
                spec[0], s)]))
    for d, s in pairs:
        d.W.array[...] = s.W.array
        d.b.array[...] = s.b.array
