"""chainer.exporters.caffe: the files written, and a round trip through
CaffeFunction (both need protobuf and chainer-links)."""
import os

import numpy
import pytest

import chainer
import chainer.functions as F
from chainer import testing
from chainer.testing import attr

pytest.importorskip('google.protobuf')
pytest.importorskip('chainer.links.caffe')

from google.protobuf import text_format  # NOQA: E402

import chainer.links as L  # NOQA: E402
from chainer.exporters import caffe  # NOQA: E402
from chainer.links.caffe import CaffeFunction  # NOQA: E402
from chainer.links.caffe.protobuf3 import caffe_pb2  # NOQA: E402


class _Net(chainer.Chain):

    """Every exportable function at least once, for a (2, 3, 8, 7) input."""

    def __init__(self):
        super(_Net, self).__init__()
        with self.init_scope():
            self.conv = L.Convolution2D(3, 4, (3, 2), stride=(2, 1),
                                        pad=(1, 0))
            self.bn = L.BatchNormalization(4)
            self.group = L.Convolution2D(8, 6, 3, pad=2, dilate=2,
                                         groups=2, nobias=True)
            self.up = L.Deconvolution2D(6, 4, 2, stride=2, groups=2)
            self.fc = L.Linear(96, 5)
        rng = numpy.random.RandomState(4)
        for param in self.params():
            param.array[...] = rng.uniform(-1, 1, param.shape)
        self.bn.avg_mean[...] = rng.uniform(-1, 1, 4)
        self.bn.avg_var[...] = rng.uniform(0.5, 2, 4)

    def forward(self, x):
        h0 = F.relu(self.bn(self.conv(x)))                   # (2, 4, 4, 6)
        h = F.local_response_normalization(h0, n=3, k=1, alpha=0.1)
        a = F.max_pooling_2d(h, 2)                           # (2, 4, 2, 3)
        b = F.average_pooling_2d(h, 2)
        h = F.leaky_relu(F.concat((a, b), axis=1), 0.1)      # (2, 8, 2, 3)
        h = self.up(self.group(h)) + h0                      # (2, 4, 4, 6)
        h = F.sigmoid(F.add(h, h0, h))
        h = F.reshape(h, (2, -1, 6))
        return F.softmax(self.fc(h))


def _export(tmp_path, model=None, x=None, **kwargs):
    model = model or _Net()
    x = x if x is not None else chainer.Variable(
        numpy.random.RandomState(0).uniform(-1, 1, (2, 3, 8, 7)).astype(
            numpy.float32))
    caffe.export(model, [x], str(tmp_path), **kwargs)
    return model, x


def _read(tmp_path):
    text = (tmp_path / 'chainer_model.prototxt').read_text()
    prototxt = text_format.Parse(text, caffe_pb2.NetParameter())
    binary = caffe_pb2.NetParameter()
    binary.MergeFromString(
        (tmp_path / 'chainer_model.caffemodel').read_bytes())
    return prototxt, binary


def test_files(tmp_path):
    model, x = _export(tmp_path, graph_name='MyNet')
    prototxt, binary = _read(tmp_path)
    assert prototxt.name == binary.name == 'MyNet'
    data = prototxt.layer[0]
    assert (data.name, data.type, list(data.top)) == ('data', 'Input',
                                                      ['data'])
    assert list(data.input_param.shape[0].dim) == [2, 3, 8, 7]
    # The binary file has the same layers (no Input), with parameters.
    assert [ly.name for ly in prototxt.layer[1:]] == \
        [ly.name for ly in binary.layer]
    assert all(not ly.blobs for ly in prototxt.layer)
    assert all(ly.phase == caffe_pb2.TEST for ly in binary.layer)
    assert sorted(ly.type for ly in binary.layer) == sorted([
        'Convolution', 'BatchNorm', 'Scale', 'ReLU', 'LRN', 'Pooling',
        'Pooling', 'Concat', 'ReLU', 'Convolution', 'Deconvolution',
        'Eltwise', 'Eltwise', 'Sigmoid', 'Reshape', 'InnerProduct',
        'Softmax'])
    # Layers come in an order Caffe can run: inputs before their users.
    known = {'data'}
    for layer in binary.layer:
        assert set(layer.bottom) <= known, layer.name
        assert list(layer.top) == [layer.name]
        known.add(layer.name)
    layers = {ly.name: ly for ly in binary.layer}
    conv = layers['Convolution2DFunction-0-1']
    assert list(conv.bottom) == ['data']
    assert list(conv.top) == ['Convolution2DFunction-0-1']
    p = conv.convolution_param
    assert (p.num_output, p.kernel_h, p.kernel_w, p.stride_h, p.stride_w,
            p.pad_h, p.pad_w, p.group, p.bias_term) == (4, 3, 2, 2, 1, 1, 0,
                                                        1, True)
    assert list(conv.blobs[0].shape.dim) == [4, 3, 3, 2]
    numpy.testing.assert_array_equal(
        numpy.array(conv.blobs[0].data).reshape(4, 3, 3, 2),
        model.conv.W.array)
    bn = layers['FixedBatchNormalization-1-1_bn']
    assert bn.batch_norm_param.use_global_stats
    numpy.testing.assert_array_equal(bn.blobs[0].data, model.bn.avg_mean)
    numpy.testing.assert_array_equal(bn.blobs[2].data, [1])
    scale = layers['FixedBatchNormalization-1-1']
    assert list(scale.bottom) == ['FixedBatchNormalization-1-1_bn']
    assert scale.scale_param.bias_term
    numpy.testing.assert_array_equal(scale.blobs[1].data,
                                     model.bn.beta.array)
    lrn = [ly for ly in binary.layer if ly.type == 'LRN'][0].lrn_param
    assert lrn.local_size == 3 and lrn.alpha == pytest.approx(0.3)
    fc = [ly for ly in binary.layer if ly.type == 'InnerProduct'][0]
    assert fc.inner_product_param.num_output == 5
    assert list(fc.blobs[0].shape.dim) == [5, 96]
    deconv = [ly for ly in binary.layer if ly.type == 'Deconvolution'][0]
    assert deconv.convolution_param.num_output == 4
    assert deconv.convolution_param.group == 2
    assert list(deconv.blobs[0].shape.dim) == [6, 2, 2, 2]
    dilated = [ly for ly in binary.layer if ly.type == 'Convolution'][1]
    assert list(dilated.convolution_param.dilation) == [2, 2]
    assert not dilated.convolution_param.bias_term
    add3 = [ly for ly in binary.layer if ly.type == 'Eltwise'][1]
    assert len(add3.bottom) == 3


def test_round_trip_through_caffe_function(tmp_path):
    model, x = _export(tmp_path)
    func = CaffeFunction(str(tmp_path / 'chainer_model.caffemodel'))
    last = func.layers[-1][2][0]
    with chainer.using_config('train', False):
        expected = model(x).array
        y, = func(inputs={'data': x.array}, outputs=[last])
    testing.assert_allclose(expected, y.array, atol=1e-6, rtol=1e-5)


def test_without_params_or_directory(tmp_path):
    _export(tmp_path, export_params=False)
    assert sorted(os.listdir(str(tmp_path))) == ['chainer_model.prototxt']
    empty = tmp_path / 'none'
    empty.mkdir()
    model = _Net()
    x = chainer.Variable(numpy.zeros((2, 3, 8, 7), numpy.float32))
    # Backprop is forced on, so the graph exists even here.
    with chainer.no_backprop_mode():
        assert caffe.export(model, [x]) is None
    assert os.listdir(str(empty)) == []


def test_unsupported_function(tmp_path):
    x = chainer.Variable(numpy.ones((1, 3), numpy.float32))
    with pytest.raises(NotImplementedError, match='(?i)tanh'):
        caffe.export(lambda v: F.relu(F.tanh(v)), [x])


def test_bad_arguments():
    x = chainer.Variable(numpy.ones((1, 3), numpy.float32))
    with pytest.raises(AssertionError):
        caffe.export(F.relu, x)
    with pytest.raises(NotImplementedError):
        caffe.export(F.add, [x, x])
    with pytest.raises(AssertionError):
        caffe.export(F.relu, [x.array])
    with pytest.raises(AssertionError):
        caffe.export(lambda v: v.array, [x])


@pytest.mark.parametrize('name,size', [
    ('googlenet.GoogLeNet', 224),
    pytest.param('resnet.ResNet50Layers', 64, marks=pytest.mark.slow)])
def test_pretrained_architectures(tmp_path, name, size):
    # The exporter covers the functions of the model zoo; the round trip
    # through Caffe's format reproduces the probabilities.
    from chainer.links.model import vision
    module, cls = name.split('.')
    model = getattr(getattr(vision, module), cls)(pretrained_model=None)
    x = chainer.Variable(numpy.random.RandomState(1).uniform(
        -1, 1, (1, 3, size, size)).astype(numpy.float32))
    caffe.export(lambda v: model(v)['prob'], [x], str(tmp_path))
    func = CaffeFunction(str(tmp_path / 'chainer_model.caffemodel'))
    with chainer.using_config('train', False):
        expected = model(x)['prob'].array
        y, = func(inputs={'data': x.array}, outputs=[func.layers[-1][2][0]])
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)


@attr.gpu
def test_export_from_gpu(tmp_path):
    from chainer.backends import cuda
    model = _Net()
    x = numpy.random.RandomState(0).uniform(
        -1, 1, (2, 3, 8, 7)).astype(numpy.float32)
    with chainer.using_config('train', False):
        expected = model(x).array
    model.to_gpu()
    caffe.export(model, [chainer.Variable(cuda.to_gpu(x))], str(tmp_path))
    func = CaffeFunction(str(tmp_path / 'chainer_model.caffemodel'))
    with chainer.using_config('train', False):
        y, = func(inputs={'data': x}, outputs=[func.layers[-1][2][0]])
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)


class _Branches(chainer.Chain):

    """Two branches from the input, the longer one concatenated first."""

    def __init__(self):
        super(_Branches, self).__init__()
        with self.init_scope():
            self.short = L.Convolution2D(3, 2, 1)
            self.reduce = L.Convolution2D(3, 2, 1)
            self.long = L.Convolution2D(2, 2, 1)

    def forward(self, x):
        a = self.long(F.relu(self.reduce(x)))
        return F.concat((a, self.short(x)), axis=1)


def test_layer_order_and_names_follow_v5(tmp_path):
    # v5 walks from the output: the concat's inputs are waiting together,
    # the deeper one (long, rank 2) goes first and its chain is followed
    # to the input (relu, then reduce); short comes last. Reversed, that
    # makes short the first rank-0 convolution.
    model = _Branches()
    x = chainer.Variable(numpy.zeros((1, 3, 2, 2), numpy.float32))
    caffe.export(model, [x], str(tmp_path))
    prototxt, binary = _read(tmp_path)
    names = ['Convolution2DFunction-0-1', 'Convolution2DFunction-0-2',
             'ReLU-1-1', 'Convolution2DFunction-2-1', 'Concat-3-1']
    assert [ly.name for ly in binary.layer] == names
    assert [ly.name for ly in prototxt.layer[1:]] == names
    layers = {ly.name: ly for ly in binary.layer}
    numpy.testing.assert_array_equal(
        layers['Convolution2DFunction-0-1'].blobs[0].data,
        model.short.W.array.ravel())
    numpy.testing.assert_array_equal(
        layers['Convolution2DFunction-0-2'].blobs[0].data,
        model.reduce.W.array.ravel())
    assert list(layers['Concat-3-1'].bottom) == [
        'Convolution2DFunction-2-1', 'Convolution2DFunction-0-1']


def test_reshape_of_reshape_and_plain_eltwise(tmp_path):
    # v5 feeds the second of two reshapes from the first one's input, and
    # writes Eltwise layers without an eltwise_param (SUM by default).
    fc = L.Linear(4, 6)
    x = chainer.Variable(numpy.ones((2, 4), numpy.float32))

    def model(v):
        h = fc(v)
        return F.reshape(F.reshape(h, (2, 3, 2)), (2, 6)) + h

    caffe.export(model, [x], str(tmp_path))
    prototxt, _ = _read(tmp_path)
    layers = {ly.name: ly for ly in prototxt.layer}
    assert list(layers['Reshape-1-1'].bottom) == ['LinearFunction-0-1']
    assert list(layers['Reshape-2-1'].bottom) == ['LinearFunction-0-1']
    assert list(layers['Reshape-2-1'].reshape_param.shape.dim) == [2, 6]
    add = layers['_ + _-3-1']
    assert add.type == 'Eltwise'
    assert not add.HasField('eltwise_param')
    assert list(add.bottom) == ['Reshape-2-1', 'LinearFunction-0-1']
