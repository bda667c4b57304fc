"""VGG16Layers and VGG19Layers (their weights alone are over 500 MB, so
the tests that build them with random weights are marked slow)."""
import hashlib
import inspect
import os

import numpy
import pytest

import chainer
from chainer import serializers
from chainer.serializers import npz
from chainer import testing
from chainer.links.model.vision import vgg

_VGG16_LAYERS = [
    'conv1_1', 'conv1_2', 'pool1', 'conv2_1', 'conv2_2', 'pool2', 'conv3_1',
    'conv3_2', 'conv3_3', 'pool3', 'conv4_1', 'conv4_2', 'conv4_3', 'pool4',
    'conv5_1', 'conv5_2', 'conv5_3', 'pool5', 'fc6', 'fc7', 'fc8', 'prob']


def test_prepare_mean(check_prepare_mean, rgb_image):
    check_prepare_mean(vgg.prepare, [103.939, 116.779, 123.68])
    assert vgg.prepare(rgb_image(5, 4)).shape == (3, 224, 224)


def test_bad_depth():
    with pytest.raises(ValueError, match='16 or 19'):
        vgg.VGGLayers(None, n_layers=11)


def _write_v1_caffemodel(path, arrays):
    # The VGG team's files use the old (V1) layer format.
    from chainer.links.caffe.protobuf3 import caffe_pb2
    net = caffe_pb2.NetParameter(name='VGG_ILSVRC_16_layers')
    types = caffe_pb2.V1LayerParameter
    for name, (W, b) in arrays.items():
        layer = net.layers.add(name=name, bottom=['x'], top=[name])
        layer.type = types.CONVOLUTION if W.ndim == 4 else \
            types.INNER_PRODUCT
        if W.ndim == 4:
            layer.convolution_param.kernel_size.append(3)
            layer.convolution_param.pad.append(1)
        for a in (W, b):
            blob = layer.blobs.add()
            blob.num, blob.channels, blob.height, blob.width = \
                (1,) * (4 - a.ndim) + a.shape
            blob.data.extend(a.ravel().tolist())
    with open(path, 'wb') as f:
        f.write(net.SerializeToString())


def test_auto_downloads_and_converts(dataset_root, monkeypatch):
    pytest.importorskip('google.protobuf')
    rng = numpy.random.RandomState(2)
    arrays = {
        'conv1_1': (rng.uniform(-1, 1, (64, 3, 3, 3)).astype('f'),
                    rng.uniform(-1, 1, 64).astype('f')),
        'fc8': (rng.uniform(-1, 1, (1000, 4096)).astype('f'),
                rng.uniform(-1, 1, 1000).astype('f')),
    }
    url = ('http://www.robots.ox.ac.uk/%7Evgg/software/very_deep/caffe/'
           'VGG_ILSVRC_16_layers.caffemodel')
    cache = dataset_root / '_dl_cache'
    cache.mkdir()
    _write_v1_caffemodel(
        str(cache / hashlib.md5(url.encode()).hexdigest()), arrays)
    # The converted file holds only the layers written above, so it is
    # loaded non-strictly; everything else runs for real.
    real_load = npz.load_npz
    loads = []

    def load_some(path, obj, path_in_file='', strict=True):
        loads.append(path)
        real_load(path, obj, strict=False)
    monkeypatch.setattr(npz, 'load_npz', load_some)

    model = vgg.VGG16Layers()
    converted = os.path.join(str(dataset_root), 'pfnet', 'chainer',
                             'models', 'VGG_ILSVRC_16_layers.npz')
    # Loaded once, from the new file before it is moved into place.
    assert len(loads) == 1 and os.path.basename(loads[0]) == \
        'VGG_ILSVRC_16_layers.npz'
    with numpy.load(converted) as f:
        assert sorted(f.files) == ['conv1_1/W', 'conv1_1/b', 'fc8/W',
                                   'fc8/b']
    for name, (W, b) in arrays.items():
        numpy.testing.assert_array_equal(W, model[name].W.array)
        numpy.testing.assert_array_equal(b, model[name].b.array)
    # Layers absent from the file keep the zero initialization used when
    # weights are to be loaded.
    assert not model.conv5_3.W.array.any()
    assert model.available_layers == _VGG16_LAYERS


@pytest.mark.slow
def test_vgg16_forward(ref_conv):
    model = vgg.VGG16Layers(pretrained_model=None)
    assert model.conv1_1.W.array.std() == pytest.approx(0.01, rel=0.1)
    x = numpy.random.uniform(-1, 1, (1, 3, 224, 224)).astype('f')
    with chainer.using_config('train', False):
        out = model(x, layers=['conv1_1', 'conv1_2', 'pool1', 'pool5',
                               'fc6', 'fc7', 'fc8', 'prob'])
    c = model.conv1_1
    conv1_1 = numpy.maximum(ref_conv(x, c.W.array, c.b.array, 1, 1), 0)
    testing.assert_allclose(conv1_1, out['conv1_1'].array, atol=1e-5,
                            rtol=1e-4)
    h = out['conv1_2'].array
    pool1 = numpy.maximum.reduce([h[:, :, i::2, j::2] for i in (0, 1)
                                  for j in (0, 1)])
    testing.assert_allclose(pool1, out['pool1'].array)
    h = out['pool5'].array.reshape(1, -1)
    assert h.shape == (1, 512 * 7 * 7)
    for name in ('fc6', 'fc7', 'fc8'):
        fc = model[name]
        h = h @ fc.W.array.T.astype(numpy.float64) + fc.b.array
        if name != 'fc8':
            h = numpy.maximum(h, 0)  # dropout is off in test mode
        testing.assert_allclose(h, out[name].array, atol=1e-5, rtol=1e-3)
    e = numpy.exp(h - h.max())
    testing.assert_allclose(e / e.sum(), out['prob'].array, atol=1e-6)


@pytest.mark.slow
def test_vgg19_save_load_and_auto(models_dir):
    model = vgg.VGG19Layers(pretrained_model=None)
    layers = model.available_layers
    assert layers[layers.index('conv3_3') + 1] == 'conv3_4'
    assert layers[layers.index('conv5_4') + 1] == 'pool5'
    assert sum(p.size for p in model.params()) == 143667240
    path = str(models_dir / 'VGG_ILSVRC_19_layers.npz')
    serializers.save_npz(path, model)
    for loaded in (vgg.VGG19Layers(), vgg.VGG19Layers(path)):
        for (name, a), (_, b) in zip(sorted(model.namedparams()),
                                     sorted(loaded.namedparams())):
            numpy.testing.assert_array_equal(a.array, b.array,
                                             err_msg=name)
        del loaded


def test_extract_defaults_to_fc7():
    # VGG alone extracts fc7 by default; the other models give pool5.
    params = inspect.signature(vgg.VGG16Layers.extract).parameters
    assert params['layers'].default == ['fc7']
    assert params['size'].default == (224, 224)
