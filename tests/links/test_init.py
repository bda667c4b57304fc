"""The public names of ``chainer.links`` and the package layout."""
import pathlib

import chainer
from chainer import links

V5_NAMES = [
    'BatchNormalization', 'BatchRenormalization', 'Bias', 'Bilinear',
    'BinaryHierarchicalSoftmax', 'BlackOut', 'CRF1d', 'ChildSumTreeLSTM',
    'Classifier', 'Convolution1D', 'Convolution2D', 'Convolution3D',
    'ConvolutionND', 'Deconvolution1D', 'Deconvolution2D',
    'Deconvolution3D', 'DeconvolutionND', 'DeformableConvolution2D',
    'DepthwiseConvolution2D', 'DilatedConvolution2D', 'EmbedID', 'GRU',
    'GroupNormalization', 'Highway', 'Inception', 'InceptionBN', 'LSTM',
    'LayerNormalization', 'Linear', 'LocalConvolution2D',
    'MLPConvolution2D', 'Maxout', 'NStepBiGRU', 'NStepBiLSTM',
    'NStepBiRNNReLU', 'NStepBiRNNTanh', 'NStepGRU', 'NStepLSTM',
    'NStepRNNReLU', 'NStepRNNTanh', 'NaryTreeLSTM', 'NegativeSampling',
    'PReLU', 'Parameter', 'Scale', 'SimplifiedDropconnect', 'StatefulGRU',
    'StatefulMGU', 'StatefulPeepholeLSTM', 'StatefulZoneoutLSTM',
    'StatelessGRU', 'StatelessLSTM', 'StatelessMGU', 'Swish',
    'TheanoFunction',
]


def test_v5_names_are_exported():
    missing = [n for n in V5_NAMES if not hasattr(links, n)]
    assert missing == []
    for name in V5_NAMES:
        assert issubclass(getattr(links, name), chainer.Link)


def test_lazy_attribute_of_chainer():
    assert chainer.links.Linear is links.Linear


def test_modules_mirror_v5_layout():
    assert links.Linear.__module__ == 'chainer.links.connection.linear'
    assert links.Classifier.__module__ == 'chainer.links.model.classifier'
    assert links.BatchNormalization.__module__ == \
        'chainer.links.normalization.batch_normalization'
    assert links.BinaryHierarchicalSoftmax.__module__ == \
        'chainer.links.loss.hierarchical_softmax'
    assert links.TheanoFunction.__module__ == \
        'chainer.links.theano.theano_function'


def test_no_chainer_init_in_links_distribution():
    # Only chainer-core ships chainer/__init__.py.
    root = pathlib.Path(__file__).resolve().parents[2]
    src = root / 'packages' / 'links' / 'src' / 'chainer'
    assert (src / 'links' / '__init__.py').exists()
    assert not (src / '__init__.py').exists()
