"""Translation of Caffe layers into Chainer links and functions.

Each setup function takes the :class:`CaffeFunction` being built and a
layer message, registers the links the layer needs, and returns the
callable that computes the layer (or ``None`` for a layer that computes
nothing). ``SETUPS`` maps layer type names to them, ``V1_SETUPS`` the
``V1LayerParameter.LayerType`` values of old files.
"""
import functools

import chainer
import chainer.functions as F
from chainer.links.caffe import _blobs
from chainer.links.caffe.protobuf3 import caffe_pb2
from chainer.links.connection import convolution_2d
from chainer.links.connection import deconvolution_2d
from chainer.links.connection import linear
from chainer.links.connection import scale
from chainer.links.normalization import batch_normalization

SETUPS = {}
V1_SETUPS = {}


def _layer(type_name, v1_name=None):
    def register(setup):
        SETUPS[type_name] = setup
        if v1_name is not None:
            v1 = caffe_pb2.V1LayerParameter.LayerType.Value(v1_name)
            V1_SETUPS[v1] = setup
        return setup
    return register


class CallChild(object):

    """Calls a child link of a CaffeFunction, found by name at call time.

    Looking the child up on each call keeps this callable right after the
    owner is copied or sent to another device.
    """

    def __init__(self, owner, name, test_mode=False):
        self.owner = owner
        self.name = name
        self.test_mode = test_mode

    def __call__(self, *xs):
        child = self.owner[self.name]
        if self.test_mode:
            with chainer.using_config('train', False):
                return child(*xs)
        return child(*xs)


class _Call(object):

    """Calls ``function(*inputs, **kwargs)``, optionally with a cuDNN
    setting (``use_cudnn``) for layers with an ``engine`` choice."""

    def __init__(self, function, use_cudnn=None, **kwargs):
        self.function = function
        self.use_cudnn = use_cudnn
        self.kwargs = kwargs

    def __call__(self, *xs):
        if self.use_cudnn is None:
            return self.function(*xs, **self.kwargs)
        with chainer.using_config('use_cudnn', self.use_cudnn):
            return self.function(*xs, **self.kwargs)


def _engine_cudnn(param):
    # Caffe's CAFFE engine never uses cuDNN, its CUDNN engine always does.
    return {1: 'never', 2: 'always'}.get(param.engine)


@_layer('Data', 'DATA')
def _data(func, layer):
    return None


@_layer('Split', 'SPLIT')
def _split(func, layer):
    for top in layer.top:
        func.split_map[top] = layer.bottom[0]
    return None


@_layer('Convolution', 'CONVOLUTION')
def _convolution(func, layer):
    param, blobs = layer.convolution_param, layer.blobs
    num, channels = _blobs.num_and_channels(blobs[0])
    conv = convolution_2d.Convolution2D(
        channels * param.group, num, _blobs.ksize(param),
        _blobs.stride(param), _blobs.pad(param), nobias=not param.bias_term,
        initialW=0, dilate=_blobs.dilation(param))
    _fill_filters(conv, blobs, param, layer.name)
    return func._add_child(layer.name, conv)


@_layer('Deconvolution', 'DECONVOLUTION')
def _deconvolution(func, layer):
    param, blobs = layer.convolution_param, layer.blobs
    num, channels = _blobs.num_and_channels(blobs[0])
    deconv = deconvolution_2d.Deconvolution2D(
        num, channels * param.group, _blobs.ksize(param),
        _blobs.stride(param), _blobs.pad(param), nobias=not param.bias_term,
        initialW=0, dilate=_blobs.dilation(param))
    _fill_filters(deconv, blobs, param, layer.name)
    return func._add_child(layer.name, deconv)


def _fill_filters(conv, blobs, param, name):
    _blobs.fill_grouped(conv.W.array, _blobs.values(blobs[0]), param.group,
                        'the filters of layer "%s"' % name)
    if param.bias_term:
        _blobs.fill(conv.b.array, _blobs.values(blobs[1]),
                    'the bias of layer "%s"' % name)


@_layer('InnerProduct', 'INNER_PRODUCT')
def _inner_product(func, layer):
    param, blobs = layer.inner_product_param, layer.blobs
    if param.axis != 1:
        raise RuntimeError(
            'Non-default axis in InnerProduct is not supported')
    rows, cols = _blobs.matrix_shape(blobs[0])
    weight = _blobs.values(blobs[0])
    if param.transpose:  # stored as (in, out)
        weight = weight.reshape(rows, cols).T
        rows, cols = cols, rows
    fc = linear.Linear(cols, rows, nobias=not param.bias_term, initialW=0)
    _blobs.fill(fc.W.array, weight, 'the weight of layer "%s"' % layer.name)
    if param.bias_term:
        _blobs.fill(fc.b.array, _blobs.values(blobs[1]),
                    'the bias of layer "%s"' % layer.name)
    return func._add_child(layer.name, fc)


@_layer('BatchNorm')
def _batch_norm(func, layer):
    param, blobs = layer.batch_norm_param, layer.blobs
    mean, var = _blobs.values(blobs[0]), _blobs.values(blobs[1])
    if len(blobs) >= 3:
        # Caffe stores unnormalized sums and their weight. v5 divides by
        # the weight in float32 (dividing keeps its rounding); a zero
        # weight means empty statistics, which Caffe reads as zeros (v5
        # would give inf/NaN).
        factor = _blobs.values(blobs[2])[0]
        if factor == 0:
            mean, var = mean * 0, var * 0
        else:
            mean, var = mean / factor, var / factor
    bn = batch_normalization.BatchNormalization(
        mean.size, decay=param.moving_average_fraction, eps=param.eps,
        use_gamma=False, use_beta=False)
    _blobs.fill(bn.avg_mean, mean, 'the mean of layer "%s"' % layer.name)
    _blobs.fill(bn.avg_var, var, 'the variance of layer "%s"' % layer.name)
    return func._add_child(layer.name, bn,
                           test_mode=param.use_global_stats)


@_layer('Scale')
def _scale(func, layer):
    param, blobs = layer.scale_param, layer.blobs
    what = 'layer "%s"' % layer.name
    if len(layer.bottom) == 1:  # the scale is a parameter
        link = scale.Scale(param.axis, _blobs.shape(blobs[0]),
                           param.bias_term)
        _blobs.fill(link.W.array, _blobs.values(blobs[0]), what)
        bias_blob = blobs[1] if param.bias_term else None
    else:  # the scale is the second input
        bias_blob = blobs[0] if param.bias_term else None
        link = scale.Scale(
            param.axis, bias_term=param.bias_term,
            bias_shape=None if bias_blob is None else _blobs.shape(bias_blob))
    if bias_blob is not None:
        _blobs.fill(link.bias.b.array, _blobs.values(bias_blob), what)
    return func._add_child(layer.name, link)


@_layer('Concat', 'CONCAT')
def _concat(func, layer):
    param = layer.concat_param
    axis = param.axis
    if not param.HasField('axis') and param.HasField('concat_dim'):
        axis = param.concat_dim  # deprecated spelling of old files
    return _Call(_concat_inputs, axis=axis)


def _concat_inputs(*xs, **kwargs):
    return F.concat(xs, **kwargs)


@_layer('Dropout', 'DROPOUT')
def _dropout(func, layer):
    return _Call(F.dropout, ratio=layer.dropout_param.dropout_ratio)


@_layer('LRN', 'LRN')
def _lrn(func, layer):
    param = layer.lrn_param
    if param.norm_region != param.ACROSS_CHANNELS:
        raise RuntimeError('Within-channel LRN is not supported')
    # Caffe divides alpha by the window size; Chainer does not.
    return _Call(F.local_response_normalization, n=param.local_size,
                 k=param.k, alpha=param.alpha / param.local_size,
                 beta=param.beta)


def _global_pooling(x, pool, stride, pad):
    return pool(x, x.shape[2:], stride=stride, pad=pad)


@_layer('Pooling', 'POOLING')
def _pooling(func, layer):
    param = layer.pooling_param
    if param.pool == param.MAX:
        pool = F.max_pooling_2d
    elif param.pool == param.AVE:
        pool = F.average_pooling_2d
    else:
        raise RuntimeError('Stochastic pooling is not supported')
    ksize, stride, pad = (_blobs.ksize(param), _blobs.stride(param),
                          _blobs.pad(param))
    if param.global_pooling and not ksize:
        return _Call(functools.partial(_global_pooling, pool=pool),
                     stride=stride, pad=pad)
    return _Call(pool, ksize=ksize, stride=stride, pad=pad)


@_layer('ReLU', 'RELU')
def _relu(func, layer):
    slope = layer.relu_param.negative_slope
    if slope != 0:
        return _Call(F.leaky_relu, slope=slope)
    return _Call(F.relu)


def _caffe_reshape(x, dims):
    # Caffe's 0 copies the input's size on that axis (-1 is inferred).
    shape = tuple(x.shape[i] if d == 0 else d for i, d in enumerate(dims))
    return F.reshape(x, shape)


@_layer('Reshape')
def _reshape(func, layer):
    dims = tuple(int(d) for d in layer.reshape_param.shape.dim)
    return _Call(_caffe_reshape, dims=dims)


def _eltwise(*xs, operation, coeffs):
    # Variables, so that raw array inputs still give a Variable.
    xs = [chainer.as_variable(x) for x in xs]
    param = caffe_pb2.EltwiseParameter
    if operation == param.PROD:
        return functools.reduce(lambda a, b: a * b, xs)
    if operation == param.SUM:
        if coeffs:
            if len(coeffs) != len(xs):
                raise ValueError(
                    'Eltwise has %d coefficients for %d inputs'
                    % (len(coeffs), len(xs)))
            xs = [x * c for x, c in zip(xs, coeffs)]
        return functools.reduce(lambda a, b: a + b, xs)
    if operation == param.MAX:
        return functools.reduce(F.maximum, xs)
    raise ValueError('Invalid EltwiseParameter.EltwiseOp value.')


@_layer('Eltwise', 'ELTWISE')
def _eltwise_layer(func, layer):
    param = layer.eltwise_param
    return _Call(_eltwise, operation=param.operation,
                 coeffs=list(param.coeff) or None)


@_layer('Sigmoid', 'SIGMOID')
def _sigmoid(func, layer):
    return _Call(F.sigmoid, _engine_cudnn(layer.sigmoid_param))


@_layer('Slice', 'SLICE')
def _slice(func, layer):
    param = layer.slice_param
    if param.HasField('axis'):
        axis = param.axis
    elif param.HasField('slice_dim'):
        axis = param.slice_dim
    else:
        axis = 1
    if param.slice_point:
        sections = list(param.slice_point)
    else:
        sections = len(layer.top)
    return _Call(F.split_axis, indices_or_sections=sections, axis=axis)


@_layer('Softmax', 'SOFTMAX')
def _softmax(func, layer):
    param = layer.softmax_param
    if param.axis != 1:
        raise RuntimeError(
            'Softmax along non-channel axis is not supported')
    return _Call(F.softmax, _engine_cudnn(param))


@_layer('SoftmaxWithLoss', 'SOFTMAX_LOSS')
def _softmax_with_loss(func, layer):
    if layer.softmax_param.axis != 1:
        raise RuntimeError(
            'Softmax along non-channel axis is not supported')
    return _Call(F.softmax_cross_entropy)
