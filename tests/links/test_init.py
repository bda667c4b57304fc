"""The public names of ``chainer.links`` and the package layout."""
import pathlib

import numpy
import pytest

import chainer
from chainer import links
from chainer.testing import attr

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


def _cases():
    """(factory, input builder) pairs covering the single-input links."""
    def f32(*shape):
        return lambda: numpy.random.uniform(-1, 1, shape).astype('f')

    return [
        (lambda: links.Linear(3, 2), f32(2, 3)),
        (lambda: links.Convolution2D(2, 3, 2), f32(1, 2, 4, 4)),
        (lambda: links.ConvolutionND(1, 2, 3, 2), f32(1, 2, 4)),
        (lambda: links.Deconvolution2D(2, 3, 2), f32(1, 2, 3, 3)),
        (lambda: links.DeconvolutionND(1, 2, 3, 2), f32(1, 2, 3)),
        (lambda: links.DepthwiseConvolution2D(2, 2, 2), f32(1, 2, 3, 3)),
        (lambda: links.DilatedConvolution2D(2, 2, 2, dilate=2),
         f32(1, 2, 4, 4)),
        (lambda: links.LocalConvolution2D(2, 2, 3, 2), f32(1, 2, 3, 3)),
        (lambda: links.DeformableConvolution2D(2, 2, 2), f32(1, 2, 4, 4)),
        (lambda: links.Highway(3), f32(2, 3)),
        (lambda: links.Inception(2, 1, 1, 1, 1, 1, 1), f32(1, 2, 3, 3)),
        (lambda: links.MLPConvolution2D(2, (2, 2), 2), f32(1, 2, 3, 3)),
        (lambda: links.Maxout(3, 2, 2), f32(2, 3)),
        (lambda: links.PReLU((3,)), f32(2, 3)),
        (lambda: links.Swish(None), f32(2, 3)),
        (lambda: links.LSTM(3, 2), f32(2, 3)),
        (lambda: links.StatefulGRU(3, 2), f32(2, 3)),
        (lambda: links.StatefulMGU(3, 2), f32(2, 3)),
        (lambda: links.StatefulPeepholeLSTM(3, 2), f32(2, 3)),
        (lambda: links.LayerNormalization(3), f32(2, 3)),
        (lambda: links.GroupNormalization(1, 2), f32(2, 2, 3)),
    ]


def _run(link, x):
    # Test mode and a fresh state: every link is then deterministic.
    if hasattr(link, 'reset_state'):
        link.reset_state()
    with chainer.using_config('train', False):
        return link(x)


@pytest.mark.parametrize('index', range(len(_cases())))
def test_copy_to_cpu_and_serialize(index, save_load):
    factory, make_x = _cases()[index]
    link = factory()
    x = make_x()
    y = _run(link, x).array
    assert link.to_cpu() is link
    numpy.testing.assert_array_equal(_run(link.copy(), x).array, y)
    clone = factory()
    save_load(link, clone)
    numpy.testing.assert_allclose(_run(clone, x).array, y, rtol=1e-6)


@attr.gpu
@pytest.mark.parametrize('index', range(len(_cases())))
def test_gpu_matches_cpu(index):
    import numpy
    from chainer.backends import cuda
    factory, make_x = _cases()[index]
    link = factory()
    x = make_x()
    expected = _run(link, x).array
    link.to_gpu()
    y = _run(link, cuda.to_gpu(x))
    assert isinstance(y.array, cuda.ndarray)
    numpy.testing.assert_allclose(cuda.to_cpu(y.array), expected,
                                  atol=1e-4, rtol=1e-3)
    link.to_cpu()
    assert isinstance(_run(link, x).array, numpy.ndarray)
