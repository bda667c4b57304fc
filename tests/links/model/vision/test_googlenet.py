"""GoogLeNet: structure, forward with the auxiliary heads, and retrieval
through a (synthetic) BVLC caffemodel in the download cache."""
import hashlib
import os

import numpy
import pytest

import chainer
from chainer import testing
from chainer.testing import attr
from chainer.links.model.vision import googlenet

_LAYERS = [
    'conv1', 'pool1', 'conv2_reduce', 'conv2', 'pool2', 'inception_3a',
    'inception_3b', 'pool3', 'inception_4a', 'inception_4b', 'inception_4c',
    'inception_4d', 'inception_4e', 'pool4', 'inception_5a', 'inception_5b',
    'pool5', 'loss3_fc', 'prob', 'loss1_fc2', 'loss2_fc2']


@pytest.fixture(scope='module')
def model():
    numpy.random.seed(0)
    return googlenet.GoogLeNet(pretrained_model=None)


@pytest.fixture(scope='module')
def x():
    return numpy.random.RandomState(5).uniform(
        -50, 50, (1, 3, 224, 224)).astype(numpy.float32)


def test_structure(model):
    assert model.available_layers == _LAYERS
    params = dict(model.namedparams())
    assert params['/conv1/W'].shape == (64, 3, 7, 7)
    assert params['/conv2_reduce/W'].shape == (64, 64, 1, 1)
    assert params['/inc3a/conv1/W'].shape == (64, 192, 1, 1)
    assert params['/inc3a/proj3/W'].shape == (96, 192, 1, 1)
    assert params['/inc4e/conv5/W'].shape == (128, 32, 5, 5)
    assert params['/inc5b/projp/b'].shape == (128,)
    assert params['/loss1_conv/W'].shape == (128, 512, 1, 1)
    assert params['/loss2_conv/W'].shape == (128, 528, 1, 1)
    assert params['/loss1_fc1/W'].shape == (1024, 2048)
    assert params['/loss3_fc/W'].shape == (1000, 1024)


def _avg_pool(a, k, s):
    n = (a.shape[2] - k) // s + 1
    return numpy.mean([a[:, :, i:i + s * (n - 1) + 1:s,
                         j:j + s * (n - 1) + 1:s]
                       for i in range(k) for j in range(k)], axis=0)


def test_forward(model, x):
    with chainer.using_config('train', False):
        out = model(x, layers=['inception_4a', 'inception_4d',
                               'inception_5b', 'pool5', 'loss3_fc', 'prob',
                               'loss1_fc2', 'loss2_fc2'])
    assert out['inception_4a'].shape == (1, 512, 14, 14)
    assert out['inception_5b'].shape == (1, 1024, 7, 7)
    pool5 = out['inception_5b'].array.mean(axis=(2, 3), keepdims=True)
    testing.assert_allclose(pool5, out['pool5'].array, atol=1e-4,
                            rtol=1e-4)
    fc = pool5.reshape(1, -1) @ model.loss3_fc.W.array.T + \
        model.loss3_fc.b.array
    testing.assert_allclose(fc, out['loss3_fc'].array, atol=1e-3,
                            rtol=1e-4)
    e = numpy.exp(fc - fc.max())
    testing.assert_allclose(e / e.sum(), out['prob'].array, atol=1e-5)
    # The auxiliary heads start from inception_4a and inception_4d.
    for head, source in (('loss1', 'inception_4a'),
                         ('loss2', 'inception_4d')):
        h = _avg_pool(out[source].array, 5, 3)
        conv = model[head + '_conv']
        h = numpy.einsum('oc,nchw->nohw', conv.W.array[:, :, 0, 0], h) + \
            conv.b.array[:, None, None]
        h = numpy.maximum(h, 0).reshape(1, -1)
        fc1, fc2 = model[head + '_fc1'], model[head + '_fc2']
        h = numpy.maximum(h @ fc1.W.array.T + fc1.b.array, 0)
        h = h @ fc2.W.array.T + fc2.b.array
        testing.assert_allclose(h, out[head + '_fc2'].array, atol=1e-3,
                                rtol=1e-3)


def test_only_requested_layers(model, x):
    out = model(x[:, :, :40, :40], layers=['pool2', 'conv1'])
    assert sorted(out) == ['conv1', 'pool2']
    assert out['pool2'].shape == (1, 192, 5, 5)
    with pytest.raises(ValueError, match='train argument'):
        model(x, train=False)


def test_extract(model, rgb_image):
    pytest.importorskip('PIL')
    images = [rgb_image(10, 12), rgb_image(7, 7)]
    with chainer.using_config('train', False):
        out = model.extract(images, layers=['inception_3a'], size=(32, 32))
        prepared = numpy.stack([googlenet.prepare(i, (32, 32))
                                for i in images])
        expected = model(prepared, layers=['inception_3a'])
    testing.assert_allclose(expected['inception_3a'].array,
                            out['inception_3a'].array)
    with pytest.raises(ValueError, match='volatile'):
        model.extract(images, volatile=True)


def test_prepare_mean(check_prepare_mean):
    check_prepare_mean(googlenet.prepare, [104., 117., 123.])


def _write_bvlc_caffemodel(model, path):
    # The layer names of BVLC's bvlc_googlenet.caffemodel.
    from chainer.links.caffe.protobuf3 import caffe_pb2
    names = {'conv1': 'conv1/7x7_s2', 'conv2_reduce': 'conv2/3x3_reduce',
             'conv2': 'conv2/3x3', 'loss1_conv': 'loss1/conv',
             'loss1_fc1': 'loss1/fc', 'loss1_fc2': 'loss1/classifier',
             'loss2_conv': 'loss2/conv', 'loss2_fc1': 'loss2/fc',
             'loss2_fc2': 'loss2/classifier',
             'loss3_fc': 'loss3/classifier'}
    branches = {'conv1': '1x1', 'proj3': '3x3_reduce', 'conv3': '3x3',
                'proj5': '5x5_reduce', 'conv5': '5x5', 'projp': 'pool_proj'}
    net = caffe_pb2.NetParameter(name='GoogleNet')
    for path_name, link in sorted(model.namedlinks(skipself=True)):
        parts = path_name.strip('/').split('/')
        if len(parts) == 2:
            name = 'inception_{}/{}'.format(parts[0][3:], branches[parts[1]])
        elif parts[0] in names:
            name = names[parts[0]]
        else:
            continue  # an inception module itself
        layer = net.layer.add(name=name, bottom=['x'], top=[name])
        layer.type = 'Convolution' if link.W.ndim == 4 else 'InnerProduct'
        if link.W.ndim == 4:
            layer.convolution_param.kernel_size.append(link.W.shape[2])
        for param in (link.W, link.b):
            blob = layer.blobs.add()
            blob.shape.dim.extend(param.shape)
            blob.data.extend(param.array.ravel().tolist())
    with open(path, 'wb') as f:
        f.write(net.SerializeToString())


def test_auto_downloads_converts_and_caches(model, dataset_root):
    pytest.importorskip('google.protobuf')
    # Seed the download cache (named by the MD5 of the URL), so that the
    # real code path runs without the network.
    cache = dataset_root / '_dl_cache'
    cache.mkdir()
    url = 'http://dl.caffe.berkeleyvision.org/bvlc_googlenet.caffemodel'
    _write_bvlc_caffemodel(
        model, str(cache / hashlib.md5(url.encode()).hexdigest()))

    loaded = googlenet.GoogLeNet()
    npz = os.path.join(str(dataset_root), 'pfnet', 'chainer', 'models',
                       'bvlc_googlenet.npz')
    assert os.path.exists(npz)
    for (name, a), (_, b) in zip(sorted(model.namedparams()),
                                 sorted(loaded.namedparams())):
        numpy.testing.assert_array_equal(a.array, b.array, err_msg=name)
    # From the second time on, only the npz is read.
    os.remove(str(cache / hashlib.md5(url.encode()).hexdigest()))
    again = googlenet.GoogLeNet()
    numpy.testing.assert_array_equal(model.inc4c.conv3.W.array,
                                     again.inc4c.conv3.W.array)
    from_path = googlenet.GoogLeNet(npz)
    numpy.testing.assert_array_equal(model.loss2_fc2.b.array,
                                     from_path.loss2_fc2.b.array)


@pytest.mark.slow
def test_predict_oversample(model, rgb_image):
    pytest.importorskip('PIL')
    from chainer.utils import imgproc
    image = rgb_image(300, 260)
    prob = model.predict([image])
    crops = imgproc.oversample(googlenet.prepare(image, (256, 256))[None],
                               (224, 224))
    with chainer.using_config('train', False):
        expected = model(crops)['prob'].array.mean(axis=0, keepdims=True)
    testing.assert_allclose(expected, prob.array, atol=1e-6)
    single = model.predict([image], oversample=False)
    center = googlenet.prepare(image, (256, 256))[None, :, 16:240, 16:240]
    with chainer.using_config('train', False):
        testing.assert_allclose(model(center)['prob'].array, single.array,
                                atol=1e-6)


@attr.gpu
def test_gpu_matches_cpu(x):
    from chainer.backends import cuda
    model = googlenet.GoogLeNet(pretrained_model=None)
    with chainer.using_config('train', False):
        expected = model(x, layers=['prob', 'loss2_fc2'])
        model.to_gpu()
        y = model(cuda.to_gpu(x), layers=['prob', 'loss2_fc2'])
    for name in ('prob', 'loss2_fc2'):
        assert isinstance(y[name].array, cuda.ndarray)
        testing.assert_allclose(expected[name].array,
                                cuda.to_cpu(y[name].array),
                                atol=1e-4, rtol=1e-3)
