"""ResNet50/101/152Layers, their residual blocks and weight retrieval."""
import os

import numpy
import pytest

import chainer
from chainer.serializers import npz
from chainer import testing
from chainer.links.model.vision import resnet


def _relu(a):
    return numpy.maximum(a, 0)


def _ref_bn(x, bn):
    shape = (1, -1, 1, 1)
    return ((x - bn.avg_mean.reshape(shape))
            / numpy.sqrt(bn.avg_var.reshape(shape) + bn.eps)
            * bn.gamma.array.reshape(shape) + bn.beta.array.reshape(shape))


def _randomize(link):
    # Random batch statistics and affine parameters everywhere.
    rng = numpy.random.RandomState(7)
    for child in link.links():
        if isinstance(child, chainer.links.BatchNormalization):
            child.avg_mean[...] = rng.uniform(-1, 1, child.avg_mean.shape)
            child.avg_var[...] = rng.uniform(0.5, 2, child.avg_var.shape)
            child.gamma.array[...] = rng.uniform(0.5, 2, child.gamma.shape)
            child.beta.array[...] = rng.uniform(-1, 1, child.beta.shape)


def _ref_branch(block, x, ref_conv, strides):
    h = x
    for i, stride in enumerate(strides):
        conv, bn = block['conv%d' % (i + 1)], block['bn%d' % (i + 1)]
        h = _ref_bn(ref_conv(h, conv.W.array, None, stride,
                             conv.pad), bn)
        if i < 2:
            h = _relu(h)
    return h


@pytest.mark.parametrize('downsample_fb', [False, True])
def test_bottleneck_a(ref_conv, downsample_fb):
    block = resnet.BottleneckA(3, 2, 5, stride=2,
                               downsample_fb=downsample_fb)
    _randomize(block)
    strides = (1, 2, 1) if downsample_fb else (2, 1, 1)
    assert block.conv1.stride == (strides[0],) * 2
    assert block.conv2.stride == (strides[1],) * 2
    assert block.conv4.stride == (2, 2)
    assert all(block['conv%d' % i].b is None for i in range(1, 5))
    x = numpy.random.uniform(-1, 1, (2, 3, 6, 5)).astype(numpy.float32)
    with chainer.using_config('train', False):
        y = block(x)
    shortcut = _ref_bn(ref_conv(x, block.conv4.W.array, None, 2), block.bn4)
    expected = _relu(_ref_branch(block, x, ref_conv, strides) + shortcut)
    testing.assert_allclose(expected, y.array, atol=1e-4, rtol=1e-4)


def test_bottleneck_b(ref_conv):
    block = resnet.BottleneckB(4, 2)
    _randomize(block)
    x = numpy.random.uniform(-1, 1, (2, 4, 5, 5)).astype(numpy.float32)
    with chainer.using_config('train', False):
        y = block(x)
    expected = _relu(_ref_branch(block, x, ref_conv, (1, 1, 1)) + x)
    testing.assert_allclose(expected, y.array, atol=1e-4, rtol=1e-4)


def test_building_block():
    block = resnet.BuildingBlock(3, 4, 2, 6, 2,
                                 initialW=chainer.initializers.One())
    assert sorted(name for name, _ in block.namedlinks(skipself=True)
                  if name.count('/') == 1) == ['/a', '/b1', '/b2']
    assert isinstance(block.a, resnet.BottleneckA)
    assert isinstance(block.b2, resnet.BottleneckB)
    assert block.b1.conv1.W.shape == (2, 6, 1, 1)
    numpy.testing.assert_array_equal(block.a.conv2.W.array, 1)
    _randomize(block)
    x = numpy.random.uniform(-1, 1, (1, 4, 6, 6)).astype(numpy.float32)
    with chainer.using_config('train', False):
        y = block(x)
        expected = block.b2(block.b1(block.a(x)))
    assert y.shape == (1, 6, 3, 3)
    testing.assert_allclose(expected.array, y.array)


def test_global_average_pooling():
    x = numpy.random.uniform(-1, 1, (2, 3, 4, 5)).astype(numpy.float32)
    y = resnet._global_average_pooling_2d(x)
    testing.assert_allclose(x.mean(axis=(2, 3)), y.array, atol=1e-6)


@pytest.fixture(scope='module')
def resnet50():
    return resnet.ResNet50Layers(pretrained_model=None)


def test_resnet50_structure(resnet50):
    assert resnet50.available_layers == [
        'conv1', 'pool1', 'res2', 'res3', 'res4', 'res5', 'pool5', 'fc6',
        'prob']
    params = dict(resnet50.namedparams())
    assert params['/conv1/W'].shape == (64, 3, 7, 7)
    assert params['/conv1/b'].shape == (64,)
    assert params['/bn1/gamma'].shape == (64,)
    assert params['/res2/a/conv1/W'].shape == (64, 64, 1, 1)
    assert params['/res2/a/conv4/W'].shape == (256, 64, 1, 1)
    assert params['/res3/b3/conv2/W'].shape == (128, 128, 3, 3)
    assert params['/res4/b5/bn3/beta'].shape == (1024,)
    assert params['/res5/b2/conv3/W'].shape == (2048, 512, 1, 1)
    assert params['/fc6/W'].shape == (1000, 2048)
    assert '/res4/b6/conv1/W' not in params
    assert '/res2/a/conv1/b' not in params
    # torchvision's well-known count, plus the 64 biases of conv1.
    assert sum(p.size for p in resnet50.params()) == 25557032 + 64


def test_resnet50_forward(resnet50, ref_conv):
    _randomize(resnet50)
    x = numpy.random.uniform(-1, 1, (1, 3, 64, 64)).astype(numpy.float32)
    with chainer.using_config('train', False):
        out = resnet50(x, layers=['conv1', 'pool1', 'res5', 'pool5', 'fc6',
                                  'prob'])
    assert sorted(out) == ['conv1', 'fc6', 'pool1', 'pool5', 'prob', 'res5']
    conv1 = _relu(_ref_bn(ref_conv(x, resnet50.conv1.W.array,
                                   resnet50.conv1.b.array, 2, 3),
                          resnet50.bn1))
    testing.assert_allclose(conv1, out['conv1'].array, atol=1e-4, rtol=1e-4)
    assert out['pool1'].shape == (1, 64, 16, 16)  # 3x3, stride 2, ceil
    padded = numpy.pad(out['conv1'].array, [(0, 0), (0, 0), (0, 1), (0, 1)],
                       constant_values=-numpy.inf)
    pool1 = numpy.max([padded[:, :, i:i + 31:2, j:j + 31:2]
                       for i in range(3) for j in range(3)], axis=0)
    testing.assert_allclose(pool1, out['pool1'].array)
    assert out['res5'].shape == (1, 2048, 2, 2)
    pool5 = out['res5'].array.mean(axis=(2, 3))
    testing.assert_allclose(pool5, out['pool5'].array, atol=1e-5)
    fc6 = pool5 @ resnet50.fc6.W.array.T + resnet50.fc6.b.array
    # Random statistics make large activations: compare relative to them.
    testing.assert_allclose(fc6, out['fc6'].array,
                            atol=1e-5 * abs(fc6).max(), rtol=1e-4)
    e = numpy.exp(fc6 - fc6.max())
    testing.assert_allclose(e / e.sum(), out['prob'].array, atol=1e-4)


def test_resnet50_extract_and_predict(resnet50, rgb_image):
    pytest.importorskip('PIL')
    images = [rgb_image(40, 30), rgb_image(20, 50)]
    with chainer.using_config('train', False):
        out = resnet50.extract(images, layers=['pool5'], size=(64, 64))
        x = numpy.stack([resnet.prepare(img, (64, 64)) for img in images])
        expected = resnet50(x, layers=['pool5'])['pool5']
    testing.assert_allclose(expected.array, out['pool5'].array)
    prob = resnet50.predict(images[:1], oversample=False)
    x = resnet.prepare(images[0], (256, 256))[None, :, 16:240, 16:240]
    with chainer.using_config('train', False):
        expected = resnet50(x)['prob']
    testing.assert_allclose(expected.array, prob.array, atol=1e-6)
    assert prob.creator is None  # predicted without backprop


def test_prepare_mean(check_prepare_mean):
    check_prepare_mean(resnet.prepare, [103.063, 115.903, 123.152])


def test_removed_arguments(resnet50):
    x = numpy.zeros((1, 3, 32, 32), numpy.float32)
    with pytest.raises(ValueError, match='test argument'):
        resnet50(x, layers=['conv1'], test=True)
    # As v5: no error for a name that is no layer, just no entry.
    out = resnet50(x, layers=['fc7', 'pool1'])
    assert list(out) == ['pool1']
    assert out['pool1'].shape == (1, 64, 8, 8)


class _FakeCaffe(object):

    """Stands for a CaffeFunction of MSRA's model: each layer asked for is
    made on the fly, its arrays filled with the layer's number."""

    def __init__(self, model):
        self.model = model
        self.names = []

    def __getitem__(self, name):
        self.names.append(name)
        value = len(self.names)
        dst = _dst_of(self.model, name)
        layer = _Namespace()
        if not name.startswith(('bn', 'scale')):
            layer.W = _Namespace(array=numpy.full(dst.W.shape, value, 'f'))
            if dst.b is not None:
                layer.b = _Namespace(array=numpy.full(dst.b.shape, -value,
                                                      'f'))
        elif name.startswith('bn'):
            layer.avg_mean = numpy.full(dst.avg_mean.shape, value, 'f')
            layer.avg_var = numpy.full(dst.avg_var.shape, value + .5, 'f')
        else:  # scale
            layer.W = _Namespace(array=numpy.full(dst.gamma.shape, value,
                                                  'f'))
            layer.bias = _Namespace(b=_Namespace(
                array=numpy.full(dst.beta.shape, -value, 'f')))
        return layer

    __getattr__ = __getitem__


class _Namespace(object):

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)


def _dst_of(model, caffe_name):
    # The expected destination of a Caffe layer, spelled out here apart
    # from the code under test.
    if caffe_name in ('conv1', 'fc1000'):
        return model.conv1 if caffe_name == 'conv1' else model.fc6
    if caffe_name in ('bn_conv1', 'scale_conv1'):
        return model.bn1
    prefix = caffe_name.rstrip('_').split('_branch')[0]
    stage = prefix.lstrip('resbncal')[0]
    block = prefix.lstrip('resbncal')[1:]
    child = 'a' if block == 'a' else 'b{}'.format(
        int(block[1:]) if len(block) > 1 else ord(block) - ord('a'))
    branch = caffe_name.split('_branch')[1]
    index = {'2a': 1, '2b': 2, '2c': 3, '1': 4}[branch]
    bottleneck = model['res' + stage][child]
    if caffe_name.startswith('res'):
        return bottleneck['conv%d' % index]
    return bottleneck['bn%d' % index]


def test_transfer_from_caffe_names(resnet50):
    from chainer.links.model.vision import _resnet_caffe
    src = _FakeCaffe(resnet50)
    _resnet_caffe.transfer(src, resnet50, 50)
    # 16 bottlenecks of 3 branches, 4 shortcuts, conv1 and fc: each conv
    # has a BatchNorm and a Scale layer.
    assert len(src.names) == 3 * (16 * 3 + 4 + 1) + 1
    assert len(set(src.names)) == len(src.names)
    for name in ('res2a_branch1', 'bn3d_branch2b', 'scale4f_branch2c',
                 'res5c_branch2a', 'scale_conv1'):
        assert name in src.names
    value = src.names.index('res4f_branch2c') + 1
    numpy.testing.assert_array_equal(resnet50.res4.b5.conv3.W.array, value)
    value = src.names.index('bn2a_branch1') + 1
    numpy.testing.assert_array_equal(resnet50.res2.a.bn4.avg_var,
                                     value + .5)
    value = src.names.index('scale3b_branch2a') + 1
    numpy.testing.assert_array_equal(resnet50.res3.b1.bn1.gamma.array,
                                     value)
    numpy.testing.assert_array_equal(resnet50.res3.b1.bn1.beta.array,
                                     -value)
    value = src.names.index('fc1000') + 1
    numpy.testing.assert_array_equal(resnet50.fc6.b.array, -value)


def test_auto_uses_the_converted_npz(models_dir, monkeypatch):
    # A converted file of a few entries, loaded non-strictly: the rest is
    # real (npz name, directory, loading).
    fc_W = numpy.random.uniform(-1, 1, (1000, 2048)).astype('f')
    numpy.savez(str(models_dir / 'ResNet-50-model.npz'), **{
        'fc6/W': fc_W, 'bn1/avg_var': numpy.full(64, 3, 'f')})
    real_load = npz.load_npz
    monkeypatch.setattr(npz, 'load_npz', lambda path, obj, **kwargs:
                        real_load(path, obj, strict=False))
    model = resnet.ResNet50Layers()
    numpy.testing.assert_array_equal(fc_W, model.fc6.W.array)
    numpy.testing.assert_array_equal(model.bn1.avg_var, 3)
    assert not model.res2.a.conv1.W.array.any()  # zero until loaded


@pytest.mark.slow
def test_auto_converts_a_caffemodel(resnet50, models_dir):
    pytest.importorskip('google.protobuf')
    from chainer.links.caffe.protobuf3 import caffe_pb2
    _randomize(resnet50)
    net = caffe_pb2.NetParameter(name='ResNet-50')
    src = _FakeCaffe(resnet50)
    from chainer.links.model.vision import _resnet_caffe
    _resnet_caffe.transfer(src, resnet.ResNet50Layers(''), 50)
    for name in src.names:  # every layer the conversion reads
        dst = _dst_of(resnet50, name)
        layer = net.layer.add(name=name, bottom=['x'], top=[name])
        if name.startswith('bn'):
            layer.type = 'BatchNorm'
            arrays = [dst.avg_mean * 2, dst.avg_var * 2,
                      numpy.array([2.], 'f')]
        elif name.startswith('scale'):
            layer.type = 'Scale'
            layer.scale_param.bias_term = True
            arrays = [dst.gamma.array, dst.beta.array]
        elif name == 'fc1000':
            layer.type = 'InnerProduct'
            arrays = [dst.W.array, dst.b.array]
        else:
            layer.type = 'Convolution'
            layer.convolution_param.kernel_size.append(dst.W.shape[2])
            layer.convolution_param.bias_term = dst.b is not None
            arrays = [dst.W.array] + ([dst.b.array] if dst.b is not None
                                      else [])
        for array in arrays:
            blob = layer.blobs.add()
            blob.shape.dim.extend(array.shape)
            blob.data.extend(array.ravel().tolist())
    (models_dir / 'ResNet-50-model.caffemodel').write_bytes(
        net.SerializeToString())

    loaded = resnet.ResNet50Layers()
    assert (models_dir / 'ResNet-50-model.npz').exists()
    for (name, a), (_, b) in zip(sorted(resnet50.namedparams()),
                                 sorted(loaded.namedparams())):
        numpy.testing.assert_array_equal(a.array, b.array, err_msg=name)
    testing.assert_allclose(resnet50.res4.b3.bn2.avg_mean,
                            loaded.res4.b3.bn2.avg_mean)


def test_auto_without_caffemodel(models_dir):
    with pytest.raises(IOError, match='ResNet-101-model.caffemodel'):
        resnet.ResNet101Layers()
    assert not os.path.exists(str(models_dir / 'ResNet-101-model.npz'))


def test_bad_depth():
    with pytest.raises(ValueError, match='50, 101, or 152'):
        resnet.ResNetLayers(None, 34)


@pytest.mark.parametrize('n_layers,names', [
    (50, ['3a', '3b', '3c', '3d']),
    (101, ['3a', '3b1', '3b2', '3b3']),
    (152, ['3a'] + ['3b%d' % i for i in range(1, 8)]),
])
def test_caffe_bottleneck_names(n_layers, names):
    from chainer.links.model.vision import _resnet_caffe
    count = {50: 4, 101: 4, 152: 8}[n_layers]
    assert _resnet_caffe._bottleneck_names(n_layers, 3, count) == names
    assert _resnet_caffe._bottleneck_names(n_layers, 5, 3) == \
        ['5a', '5b', '5c']


@pytest.mark.slow
@pytest.mark.parametrize('cls,count', [
    (resnet.ResNet101Layers, 44549160), (resnet.ResNet152Layers, 60192808)])
def test_deeper_structures(cls, count):
    model = cls(pretrained_model=None)
    last = {101: 'b22', 152: 'b35'}[int(cls.__name__[6:-6])]
    assert hasattr(model.res4, last)
    assert sum(p.size for p in model.params()) == count + 64


@pytest.mark.parametrize('cls,n_layers', [
    (resnet.ResNet50Layers, 50), (resnet.ResNet101Layers, 101),
    (resnet.ResNet152Layers, 152)])
def test_fixed_depth_convert_default(cls, n_layers, monkeypatch):
    # Each fixed-depth model converts a caffemodel of its own depth unless
    # told otherwise, and documents its own file names.
    calls = []
    monkeypatch.setattr(
        resnet.ResNetLayers, 'convert_caffemodel_to_npz',
        classmethod(lambda c, *args: calls.append(args)))
    cls.convert_caffemodel_to_npz('in.caffemodel', 'out.npz')
    cls.convert_caffemodel_to_npz('in.caffemodel', 'out.npz', 50)
    assert calls == [('in.caffemodel', 'out.npz', n_layers),
                     ('in.caffemodel', 'out.npz', 50)]
    assert 'ResNet-{}-model.npz'.format(n_layers) in cls.__doc__
    assert 'with {} layers'.format(n_layers) in cls.__doc__


class _FakeCaffeNoConv1Bias(_FakeCaffe):

    # MSRA's ResNet-101 and 152 files: conv1 has no bias blob, so the
    # CaffeFunction link has ``b = None``.
    def __getitem__(self, name):
        layer = super(_FakeCaffeNoConv1Bias, self).__getitem__(name)
        if name == 'conv1':
            layer.b = None
        return layer

    __getattr__ = __getitem__


def test_transfer_deeper_without_conv1_bias(monkeypatch):
    # A ResNet-101 cut to a few bottlenecks keeps the test fast; the
    # transfer only follows the blocks the model has.
    from chainer.links.model.vision import _resnet_caffe
    monkeypatch.setitem(resnet._BLOCKS, 101, (1, 2, 2, 1))
    model = resnet.ResNetLayers(None, 101)
    model.conv1.b.array[...] = 7
    src = _FakeCaffeNoConv1Bias(model)
    _resnet_caffe.transfer(src, model, 101)
    assert 'res3b1_branch2a' in src.names and 'res4b1_branch2c' in src.names
    numpy.testing.assert_array_equal(
        model.conv1.W.array, src.names.index('conv1') + 1)
    # v5 leaves conv1's bias of the deeper models alone.
    numpy.testing.assert_array_equal(model.conv1.b.array, 7)


def test_transfer_resnet50_copies_conv1_bias(resnet50):
    from chainer.links.model.vision import _resnet_caffe
    src = _FakeCaffe(resnet50)
    _resnet_caffe.transfer(src, resnet50, 50)
    numpy.testing.assert_array_equal(
        resnet50.conv1.b.array, -(src.names.index('conv1') + 1))
