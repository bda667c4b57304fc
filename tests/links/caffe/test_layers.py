"""Each Caffe layer type of CaffeFunction against a numpy reference."""
import numpy
import pytest

import chainer
from chainer import testing

pytest.importorskip('google.protobuf')

from chainer.links.caffe import CaffeFunction  # NOQA: E402


def _run(path, inputs, outputs):
    func = CaffeFunction(path)
    with chainer.using_config('train', False):
        ys = func(inputs=inputs, outputs=outputs)
    return func, [y.array for y in ys]


@pytest.mark.parametrize('geometry', [
    # Caffe field values, and the (stride, pad, dilate) they mean.
    ({'kernel_size': [3], 'stride': [2], 'pad': [1]}, (2, 1, 1)),
    ({'kernel_h': 3, 'kernel_w': 2, 'stride_h': 1, 'stride_w': 2,
      'pad_h': 1, 'pad_w': 0}, ((1, 2), (1, 0), 1)),
    ({'kernel_size': [3, 2], 'stride': [1, 2], 'pad': [0, 1]},
     ((1, 2), (0, 1), 1)),
    ({'kernel_size': [3], 'dilation': [2], 'pad': [2]}, (1, 2, 2)),
])
def test_convolution(net, uniform, ref_conv, geometry):
    fields, (stride, pad, dilate) = geometry
    kh = fields.get('kernel_h', fields['kernel_size'][0]
                    if 'kernel_size' in fields else None)
    kw = fields.get('kernel_w', fields['kernel_size'][-1]
                    if 'kernel_size' in fields else None)
    W, b, x = uniform(4, 3, kh, kw), uniform(4), uniform(2, 3, 7, 6)
    layer = net.layer('conv', 'Convolution', ['data'], ['out'], [W, b])
    param = layer.convolution_param
    param.num_output = 4
    for key, value in fields.items():
        if isinstance(value, list):
            getattr(param, key).extend(value)
        else:
            setattr(param, key, value)
    func, (y,) = _run(net.save(), {'data': x}, ['out'])
    expected = ref_conv(x, W, b, stride, pad, dilate)
    testing.assert_allclose(expected, y, atol=1e-5, rtol=1e-4)
    assert func.conv.W.shape == W.shape


def test_grouped_convolution_without_bias(net, uniform, ref_conv):
    W, x = uniform(6, 2, 3, 3), uniform(2, 4, 5, 5)
    layer = net.layer('conv', 'Convolution', ['data'], ['out'], [W])
    param = layer.convolution_param
    param.num_output, param.group, param.bias_term = 6, 2, False
    param.kernel_size.append(3)
    func, (y,) = _run(net.save(), {'data': x}, ['out'])
    testing.assert_allclose(ref_conv(x, W, groups=2), y, atol=1e-5,
                            rtol=1e-4)
    # v5 expands the groups into one block-diagonal filter.
    full = func.conv.W.array
    assert full.shape == (6, 4, 3, 3)
    assert func.conv.b is None
    numpy.testing.assert_array_equal(full[:3, 2:], 0)
    numpy.testing.assert_array_equal(full[3:, :2], 0)
    numpy.testing.assert_array_equal(full[3:, 2:], W[3:])


@pytest.mark.parametrize('group', [1, 2])
def test_deconvolution(net, uniform, ref_deconv, group):
    # Caffe's deconvolution weight: (in, out / group, kh, kw).
    W, b, x = uniform(4, 3, 3, 3), uniform(3 * group), uniform(2, 4, 3, 4)
    layer = net.layer('up', 'Deconvolution', ['data'], ['out'], [W, b])
    param = layer.convolution_param
    param.num_output, param.group = 3 * group, group
    param.kernel_size.append(3)
    param.stride.append(2)
    param.pad.append(1)
    func, (y,) = _run(net.save(), {'data': x}, ['out'])
    expected = ref_deconv(x, W, b, stride=2, pad=1, groups=group)
    testing.assert_allclose(expected, y, atol=1e-5, rtol=1e-4)
    assert func.up.W.shape == (4, 3 * group, 3, 3)


@pytest.mark.parametrize('transpose', [False, True])
def test_inner_product(net, uniform, transpose):
    W, b, x = uniform(5, 12), uniform(5), uniform(2, 3, 2, 2)
    stored = W.T if transpose else W
    layer = net.layer('fc', 'InnerProduct', ['data'], ['out'], [stored, b])
    layer.inner_product_param.num_output = 5
    layer.inner_product_param.transpose = transpose
    func, (y,) = _run(net.save(), {'data': x}, ['out'])
    testing.assert_allclose(x.reshape(2, 12) @ W.T + b, y, atol=1e-6)
    assert func.fc.W.shape == (5, 12)


def test_inner_product_without_bias(net, uniform):
    W, x = uniform(3, 4), uniform(2, 4)
    layer = net.layer('fc', 'InnerProduct', ['data'], ['out'], [W])
    layer.inner_product_param.bias_term = False
    func, (y,) = _run(net.save(), {'data': x}, ['out'])
    testing.assert_allclose(x @ W.T, y, atol=1e-6)
    assert func.fc.b is None


def _pool_ref(x, k, s, reduce):
    n, c, h, w = x.shape
    oh, ow = (h - k) // s + 1, (w - k) // s + 1
    windows = numpy.stack([x[:, :, i:i + s * (oh - 1) + 1:s,
                             j:j + s * (ow - 1) + 1:s]
                           for i in range(k) for j in range(k)])
    return reduce(windows, axis=0)


@pytest.mark.parametrize('pool,reduce', [('MAX', numpy.max),
                                         ('AVE', numpy.mean)])
@pytest.mark.parametrize('k,s', [(2, 2), (3, 1)])
def test_pooling(net, uniform, pool, reduce, k, s):
    x = uniform(2, 3, 7, 7) if k == 3 else uniform(2, 3, 6, 8)
    layer = net.layer('pool', 'Pooling', ['data'], ['out'])
    param = layer.pooling_param
    param.pool = getattr(param, pool)
    param.kernel_size, param.stride = k, s
    _, (y,) = _run(net.save(), {'data': x}, ['out'])
    testing.assert_allclose(_pool_ref(x, k, s, reduce), y, atol=1e-6)


def test_global_average_pooling(net, uniform):
    x = uniform(2, 3, 4, 5)
    layer = net.layer('pool', 'Pooling', ['data'], ['out'])
    layer.pooling_param.pool = layer.pooling_param.AVE
    layer.pooling_param.global_pooling = True
    _, (y,) = _run(net.save(), {'data': x}, ['out'])
    testing.assert_allclose(x.mean(axis=(2, 3), keepdims=True), y,
                            atol=1e-6)


def test_lrn(net, uniform):
    x = uniform(2, 7, 3, 3) * 3
    layer = net.layer('norm', 'LRN', ['data'], ['out'])
    param = layer.lrn_param
    param.local_size, param.alpha, param.beta, param.k = 3, 0.3, 0.75, 2
    _, (y,) = _run(net.save(), {'data': x}, ['out'])
    # Caffe: x / (k + alpha / n * sum of squares over n channels)^beta.
    sq = numpy.pad(x.astype(numpy.float64) ** 2, [(0, 0), (1, 1), (0, 0),
                                                  (0, 0)])
    window = sq[:, :-2] + sq[:, 1:-1] + sq[:, 2:]
    expected = x / (2 + 0.3 / 3 * window) ** 0.75
    testing.assert_allclose(expected, y, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize('slope', [0, 0.2])
def test_relu_in_place(net, uniform, slope):
    x = uniform(3, 4)
    net.layer('relu', 'ReLU', ['data'], ['data']) \
        .relu_param.negative_slope = slope
    net.layer('double', 'Eltwise', ['data', 'data'], ['out'])
    _, (y,) = _run(net.save(), {'data': x}, ['out'])
    testing.assert_allclose(2 * numpy.where(x > 0, x, slope * x), y)


@pytest.mark.parametrize('engine', [0, 1, 2])
def test_softmax_and_sigmoid(net, uniform, engine):
    x = uniform(3, 4, 2)
    net.layer('prob', 'Softmax', ['data'], ['prob']) \
        .softmax_param.engine = engine
    net.layer('sig', 'Sigmoid', ['data'], ['sig']) \
        .sigmoid_param.engine = engine
    _, (p, s) = _run(net.save(), {'data': x}, ['prob', 'sig'])
    e = numpy.exp(x - x.max(axis=1, keepdims=True))
    testing.assert_allclose(e / e.sum(axis=1, keepdims=True), p, atol=1e-6)
    testing.assert_allclose(1 / (1 + numpy.exp(-x)), s, atol=1e-6)


def test_softmax_with_loss(net, uniform):
    x, t = uniform(3, 4), numpy.array([0, 3, 1], numpy.int32)
    net.layer('loss', 'SoftmaxWithLoss', ['data', 'label'], ['loss'])
    _, (loss,) = _run(net.save(), {'data': x, 'label': t}, ['loss'])
    log_p = x - numpy.log(numpy.exp(x).sum(axis=1, keepdims=True))
    testing.assert_allclose(-log_p[numpy.arange(3), t].mean(), loss,
                            atol=1e-6)


def test_dropout(net):
    x = numpy.ones((100, 100), numpy.float32)
    net.layer('drop', 'Dropout', ['data'], ['out']) \
        .dropout_param.dropout_ratio = 0.25
    func = CaffeFunction(net.save())
    with chainer.using_config('train', False):
        y, = func(inputs={'data': x}, outputs=['out'])
    numpy.testing.assert_array_equal(x, y.array)
    y, = func(inputs={'data': x}, outputs=['out'])
    assert set(numpy.unique(y.array)) == {0, numpy.float32(1 / 0.75)}
    assert 0.2 < (y.array == 0).mean() < 0.3


def test_concat_slice_and_split(net, uniform):
    a, b = uniform(2, 3, 2), uniform(2, 1, 2)
    net.layer('cat', 'Concat', ['a', 'b'], ['ab'])
    net.layer('split', 'Split', ['ab'], ['ab1', 'ab2'])
    layer = net.layer('slice', 'Slice', ['ab1'], ['s1', 's2', 's3'])
    layer.slice_param.slice_point.extend([1, 3])
    net.layer('halves', 'Slice', ['ab2'], ['h1', 'h2']) \
        .slice_param.axis = 2
    old = net.layer('old_cat', 'Concat', ['a', 'a'], ['aa'])
    old.concat_param.concat_dim = 2  # the deprecated spelling
    func, ys = _run(net.save(), {'a': a, 'b': b},
                    ['ab', 's1', 's2', 's3', 'h1', 'h2', 'aa'])
    ab = numpy.concatenate([a, b], axis=1)
    expected = [ab, ab[:, :1], ab[:, 1:3], ab[:, 3:], ab[:, :, :1],
                ab[:, :, 1:], numpy.concatenate([a, a], axis=2)]
    for e, y in zip(expected, ys):
        numpy.testing.assert_array_equal(e, y)
    # Split is resolved when the file is read: consumers see its input.
    assert ('slice', ['ab'], ['s1', 's2', 's3']) in func.layers
    assert 'split' not in func.forwards


@pytest.mark.parametrize('operation,coeff', [
    ('PROD', []), ('SUM', []), ('SUM', [0.5, -2, 3]), ('MAX', [])])
def test_eltwise(net, uniform, operation, coeff):
    xs = [uniform(2, 3) for _ in range(3)]
    layer = net.layer('op', 'Eltwise', ['x0', 'x1', 'x2'], ['out'])
    layer.eltwise_param.operation = getattr(layer.eltwise_param, operation)
    layer.eltwise_param.coeff.extend(coeff)
    _, (y,) = _run(net.save(), {'x%d' % i: x for i, x in enumerate(xs)},
                   ['out'])
    if operation == 'PROD':
        expected = xs[0] * xs[1] * xs[2]
    elif operation == 'MAX':
        expected = numpy.maximum(numpy.maximum(xs[0], xs[1]), xs[2])
    else:
        expected = sum(c * x for c, x in zip(coeff or [1, 1, 1], xs))
    testing.assert_allclose(expected, y, atol=1e-6)


def test_reshape(net, uniform):
    x = uniform(2, 3, 4)
    layer = net.layer('flat', 'Reshape', ['data'], ['out'])
    layer.reshape_param.shape.dim.extend([0, -1, 2])
    _, (y,) = _run(net.save(), {'data': x}, ['out'])
    numpy.testing.assert_array_equal(x.reshape(2, 6, 2), y)


@pytest.mark.parametrize('factor', [2., 0.])
@pytest.mark.parametrize('global_stats', [False, True])
def test_batch_norm(net, uniform, factor, global_stats):
    x = uniform(4, 3, 2)
    mean = numpy.array([0.5, -1, 2], numpy.float32)
    var = numpy.array([1, 4, 0.25], numpy.float32)
    layer = net.layer('bn', 'BatchNorm', ['data'], ['out'],
                      [mean, var, numpy.array([factor], numpy.float32)])
    layer.batch_norm_param.eps = 1e-3
    layer.batch_norm_param.use_global_stats = global_stats
    func = CaffeFunction(net.save())
    # Caffe stores sums weighted by the factor (a zero factor: none).
    scale = 0. if factor == 0 else 1. / factor
    testing.assert_allclose(mean * scale, func.bn.avg_mean)
    testing.assert_allclose(var * scale, func.bn.avg_var)
    assert func.bn.eps == numpy.float32(1e-3)
    expected = (x - (mean * scale)[:, None]) / numpy.sqrt(
        (var * scale)[:, None] + numpy.float32(1e-3))
    with chainer.using_config('train', False):
        y, = func(inputs={'data': x}, outputs=['out'])
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)
    # In training mode, use_global_stats keeps the stored statistics.
    y, = func(inputs={'data': x}, outputs=['out'])
    if global_stats:
        testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)
    else:
        batch = (x - x.mean(axis=(0, 2), keepdims=True)) / numpy.sqrt(
            x.var(axis=(0, 2), keepdims=True) + 1e-3)
        testing.assert_allclose(batch, y.array, atol=1e-4, rtol=1e-3)


def test_batch_norm_divides_by_the_factor(net):
    # v5 divides the stored sums by the factor in float32; multiplying by
    # its reciprocal rounds differently for many values.
    rng = numpy.random.RandomState(0)
    mean = rng.uniform(-5, 5, 50).astype(numpy.float32)
    var = rng.uniform(0, 5, 50).astype(numpy.float32)
    net.layer('bn', 'BatchNorm', ['data'], ['out'],
              [mean, var, numpy.array([3.], numpy.float32)])
    func = CaffeFunction(net.save())
    numpy.testing.assert_array_equal(mean / numpy.float32(3), func.bn.avg_mean)
    numpy.testing.assert_array_equal(var / numpy.float32(3), func.bn.avg_var)


@pytest.mark.parametrize('bias', [False, True])
def test_scale_with_parameter(net, uniform, bias):
    x, W, b = uniform(2, 3, 4), uniform(3, 4), uniform(3, 4)
    layer = net.layer('scale', 'Scale', ['data'], ['out'],
                      [W, b] if bias else [W])
    layer.scale_param.bias_term = bias
    _, (y,) = _run(net.save(), {'data': x}, ['out'])
    testing.assert_allclose(x * W + (b if bias else 0), y, atol=1e-6)


def test_scale_of_two_inputs(net, uniform):
    x, w, b = uniform(2, 3, 4), uniform(3), uniform(3)
    layer = net.layer('scale', 'Scale', ['data', 'w'], ['out'], [b])
    layer.scale_param.bias_term = True
    _, (y,) = _run(net.save(), {'data': x, 'w': w}, ['out'])
    testing.assert_allclose(x * w[:, None] + b[:, None], y, atol=1e-6)


def test_v1_layers(net, uniform, ref_conv):
    # The old format (VGG's files): enum types, 4-D legacy blob shapes.
    W, b, x = uniform(2, 3, 3, 3), uniform(2), uniform(1, 3, 5, 5)
    W2, b2 = uniform(4, 18), uniform(4)
    conv = net.v1_layer('conv', 'CONVOLUTION', ['data'], ['conv'], [W, b])
    conv.convolution_param.kernel_size.append(3)
    net.v1_layer('relu', 'RELU', ['conv'], ['conv'])
    net.v1_layer('fc', 'INNER_PRODUCT', ['conv'], ['fc'], [W2, b2])
    net.v1_layer('prob', 'SOFTMAX', ['fc'], ['prob'])
    _, (h, p) = _run(net.save(), {'data': x}, ['conv', 'prob'])
    expected = numpy.maximum(ref_conv(x, W, b), 0)
    testing.assert_allclose(expected, h, atol=1e-5, rtol=1e-4)
    fc = expected.reshape(1, 18) @ W2.T + b2
    e = numpy.exp(fc - fc.max())
    testing.assert_allclose(e / e.sum(), p, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize('setup', [
    lambda n: setattr(n.layer('p', 'Pooling', ['d'], ['o']).pooling_param,
                      'pool', 2),
    lambda n: setattr(n.layer('n', 'LRN', ['d'], ['o']).lrn_param,
                      'norm_region', 1),
    lambda n: setattr(n.layer('f', 'InnerProduct', ['d'], ['o'],
                              [numpy.ones((2, 2))]).inner_product_param,
                      'axis', 2),
    lambda n: setattr(n.layer('s', 'Softmax', ['d'], ['o']).softmax_param,
                      'axis', 2),
    lambda n: setattr(n.layer('s', 'SoftmaxWithLoss', ['d', 't'],
                              ['o']).softmax_param, 'axis', 0),
])
def test_unsupported_options(net, setup):
    setup(net)
    with pytest.raises(RuntimeError):
        CaffeFunction(net.save())


def test_blob_of_wrong_size(net):
    layer = net.layer('fc', 'InnerProduct', ['d'], ['o'],
                      [numpy.ones((2, 3)), numpy.ones(5)])
    layer.inner_product_param.num_output = 2
    with pytest.raises(ValueError, match='fc'):
        CaffeFunction(net.save())
