"""CaffeFunction as a whole: reading files, running sub-networks, saving."""
import numpy
import pytest

import chainer
from chainer import serializers
from chainer import testing
from chainer.testing import attr

pytest.importorskip('google.protobuf')

import chainer.links as L  # NOQA: E402
from chainer.links.caffe import CaffeFunction  # NOQA: E402


def _two_layer_net(net, uniform):
    """data -> 'conv1/3x3' (Convolution) -> ReLU in place -> 'fc'."""
    W1, b1, W2, b2 = uniform(2, 3, 1, 1), uniform(2), uniform(4, 8), uniform(4)
    conv = net.layer('conv1/3x3', 'Convolution', ['data'], ['c'], [W1, b1])
    conv.convolution_param.kernel_size.append(1)
    net.layer('relu', 'ReLU', ['c'], ['c'])
    net.layer('fc', 'InnerProduct', ['c'], ['fc'], [W2, b2])
    return W1, b1, W2, b2


def _reference(x, W1, b1, W2, b2):
    h = numpy.einsum('oc,nchw->nohw', W1[:, :, 0, 0], x) + b1[:, None, None]
    h = numpy.maximum(h, 0)
    return h, h.reshape(len(x), -1) @ W2.T + b2


def test_structure_and_forward(net, uniform):
    params = _two_layer_net(net, uniform)
    func = CaffeFunction(net.save())
    assert isinstance(func, chainer.Chain)
    assert isinstance(func['conv1/3x3'], L.Convolution2D)
    assert isinstance(func.fc, L.Linear)
    assert func.layers == [('conv1/3x3', ['data'], ['c']),
                           ('relu', ['c'], ['c']), ('fc', ['c'], ['fc'])]
    assert sorted(func.forwards) == ['conv1/3x3', 'fc', 'relu']
    assert sorted(name for name, _ in func.namedparams()) == [
        '/conv1/3x3/W', '/conv1/3x3/b', '/fc/W', '/fc/b']

    x = uniform(2, 3, 2, 2)
    h, y = func(inputs={'data': x}, outputs=['c', 'fc'])
    expected_h, expected_y = _reference(x, *params)
    testing.assert_allclose(expected_h, h.array, atol=1e-6)
    testing.assert_allclose(expected_y, y.array, atol=1e-5)
    # forwards are callables of the layers' inputs.
    y2 = func.forwards['fc'](h)
    testing.assert_allclose(y.array, y2.array)


def test_forward_keeps_all_blobs(net, uniform):
    # v5 stores every blob of the last run as ``variables``.
    params = _two_layer_net(net, uniform)
    func = CaffeFunction(net.save())
    x = uniform(2, 3, 2, 2)
    y, = func(inputs={'data': x}, outputs=['fc'])
    assert sorted(func.variables) == ['c', 'data', 'fc']
    assert func.variables['data'] is x
    assert func.variables['fc'] is y
    expected_h, _ = _reference(x, *params)
    testing.assert_allclose(expected_h, func.variables['c'].array,
                            atol=1e-6)
    func(inputs={'c': func.variables['c']}, outputs=['fc'])
    assert sorted(func.variables) == ['c', 'fc']


def test_disable_and_missing_outputs(net, uniform):
    _two_layer_net(net, uniform)
    func = CaffeFunction(net.save())
    x = uniform(1, 3, 2, 2)
    h, = func(inputs={'data': x}, outputs=['c'], disable=['relu'])
    assert (h.array < 0).any()  # the in-place ReLU did not run
    # A layer whose inputs are missing is skipped; asking for its output
    # fails.
    with pytest.raises(KeyError):
        func(inputs={'other': x}, outputs=['fc'])
    # Computation may start in the middle of the network.
    y, = func(inputs={'c': numpy.ones((1, 8), numpy.float32)},
              outputs=['fc'])
    testing.assert_allclose(func.fc.W.array.sum(axis=1) + func.fc.b.array,
                            y.array[0], atol=1e-5)


def test_removed_arguments(net, uniform):
    _two_layer_net(net, uniform)
    func = CaffeFunction(net.save())
    x = uniform(1, 3, 2, 2)
    with pytest.raises(ValueError, match='train argument'):
        func(inputs={'data': x}, outputs=['fc'], train=False)
    with pytest.raises(TypeError):
        func(inputs={'data': x}, outputs=['fc'], foo=1)


def test_unsupported_and_data_layers(net, uniform):
    net.layer('input', 'Data', [], ['data', 'label'])
    net.layer('weird', 'Python', ['data'], ['weird'])
    net.layer('relu', 'ReLU', ['data'], ['out'])
    with pytest.warns(UserWarning, match='Skip the layer "weird".*Python'):
        func = CaffeFunction(net.save())
    assert func.layers == [('relu', ['data'], ['out'])]
    x = uniform(2, 2)
    y, = func(inputs={'data': x}, outputs=['out'])
    testing.assert_allclose(numpy.maximum(x, 0), y.array)


def test_unsupported_v1_layer(net):
    net.v1_layer('acc', 'ACCURACY', ['a', 'b'], ['acc'])
    with pytest.warns(UserWarning, match='Skip the layer "acc".*ACCURACY'):
        func = CaffeFunction(net.save())
    assert func.layers == []


def test_save_and_load_npz(net, uniform, tmp_path):
    _two_layer_net(net, uniform)
    source = CaffeFunction(net.save())
    path = str(tmp_path / 'caffe.npz')
    serializers.save_npz(path, source)
    with numpy.load(path) as f:
        assert sorted(f.files) == ['conv1/3x3/W', 'conv1/3x3/b', 'fc/W',
                                   'fc/b']
        testing.assert_allclose(source['conv1/3x3'].W.array,
                                f['conv1/3x3/W'])

    net.net.Clear()
    _two_layer_net(net, uniform)  # same shapes, other values
    target = CaffeFunction(net.save())
    assert not numpy.array_equal(target.fc.W.array, source.fc.W.array)
    serializers.load_npz(path, target)
    x = uniform(2, 3, 2, 2)
    y1, = source(inputs={'data': x}, outputs=['fc'])
    y2, = target(inputs={'data': x}, outputs=['fc'])
    testing.assert_allclose(y1.array, y2.array)


def test_copy_runs_its_own_links(net, uniform):
    _two_layer_net(net, uniform)
    func = CaffeFunction(net.save())
    copied = func.copy(mode='copy')
    copied.fc.b.array[...] += 1
    x = uniform(1, 3, 2, 2)
    y, = func(inputs={'data': x}, outputs=['fc'])
    y_copy, = copied(inputs={'data': x}, outputs=['fc'])
    testing.assert_allclose(y.array + 1, y_copy.array, atol=1e-6)


@attr.gpu
def test_gpu_matches_cpu(net, uniform):
    from chainer.backends import cuda
    _two_layer_net(net, uniform)
    layer = net.layer('bn', 'BatchNorm', ['fc'], ['bn'], [
        uniform(4), numpy.ones(4, numpy.float32), numpy.ones(1)])
    layer.batch_norm_param.use_global_stats = True
    func = CaffeFunction(net.save())
    x = uniform(2, 3, 2, 2)
    expected, = func(inputs={'data': x}, outputs=['bn'])
    func.to_gpu()
    y, = func(inputs={'data': cuda.to_gpu(x)}, outputs=['bn'])
    assert isinstance(y.array, cuda.ndarray)
    testing.assert_allclose(expected.array, cuda.to_cpu(y.array),
                            atol=1e-5, rtol=1e-4)
