"""Translation of Chainer function nodes into Caffe layers.

``convert(func, pb, name, bottoms)`` returns the Caffe layers computing one
node of the graph, as ``(LayerParameter, blobs)`` pairs where ``blobs``
lists the ``(shape, array)`` of the parameters (written only to the
``.caffemodel``). ``pb`` is the ``caffe_pb2`` module, ``name`` the name of
the node's layer (and of its top blob) and ``bottoms`` the names of the
blobs of the node's inputs.
"""
import numpy

from chainer.backends import cuda
from chainer.functions.activation import leaky_relu
from chainer.functions.activation import relu
from chainer.functions.activation import sigmoid
from chainer.functions.activation import softmax
from chainer.functions.array import concat
from chainer.functions.array import reshape
from chainer.functions.connection import convolution_nd
from chainer.functions.connection import deconvolution_nd
from chainer.functions.connection import linear
from chainer.functions.math import basic_math
from chainer.functions.normalization import fixed_batch_normalization
from chainer.functions.normalization import local_response_normalization
from chainer.functions.pooling import average_pooling_nd
from chainer.functions.pooling import max_pooling_nd


def input_array(func, index):
    """The array of an input of ``func``, from its variable or node."""
    node = func.inputs[index]
    var = node.get_variable_or_none()
    array = var.array if var is not None else node.data
    if array is None:
        raise ValueError(
            'cannot export the parameters of {}: the array of its input {} '
            'is gone (keep the variable alive)'.format(func.label, index))
    return cuda.to_cpu(array)


def _layer(pb, type_name, name, bottoms, top=None):
    layer = pb.LayerParameter(name=name, type=type_name)
    layer.bottom.extend(bottoms)
    layer.top.append(top or name)
    return layer


def _weights(func):
    # (W, b or None) of a linear or (de)convolution node.
    b = input_array(func, 2) if len(func.inputs) == 3 else None
    return input_array(func, 1), b


def _window(param, prefix, values):
    setattr(param, prefix + '_h', int(values[0]))
    setattr(param, prefix + '_w', int(values[1]))


def _linear(func, pb, name, bottoms):
    W, b = _weights(func)
    layer = _layer(pb, 'InnerProduct', name, bottoms[:1])
    param = layer.inner_product_param
    param.num_output = W.shape[0]
    param.bias_term = b is not None
    n_batch_axes = getattr(func, '_n_batch_axes', 1)
    if n_batch_axes != 1:
        param.axis = n_batch_axes
    blobs = [W] + ([b] if b is not None else [])
    return [(layer, blobs)]


def _convolution(func, pb, name, bottoms):
    W, b = _weights(func)
    deconv = isinstance(func, deconvolution_nd.DeconvolutionND)
    layer = _layer(pb, 'Deconvolution' if deconv else 'Convolution',
                   name, bottoms[:1])
    param = layer.convolution_param
    # Caffe's deconvolution weight is (in, out / groups, kh, kw) like
    # Chainer's, so only num_output differs.
    param.num_output = W.shape[1] * func.groups if deconv else W.shape[0]
    param.bias_term = b is not None
    _window(param, 'kernel', W.shape[2:])
    _window(param, 'stride', func.stride)
    _window(param, 'pad', func.pad)
    param.group = func.groups
    if any(d != 1 for d in func.dilate):
        param.dilation.extend(int(d) for d in func.dilate)
    blobs = [W] + ([b] if b is not None else [])
    return [(layer, blobs)]


def _pooling(func, pb, name, bottoms):
    layer = _layer(pb, 'Pooling', name, bottoms)
    param = layer.pooling_param
    if isinstance(func, max_pooling_nd.MaxPoolingND):
        param.pool = pb.PoolingParameter.MAX
    else:
        param.pool = pb.PoolingParameter.AVE
    _window(param, 'kernel', func.ksize)
    _window(param, 'stride', func.stride)
    _window(param, 'pad', func.pad)
    return [(layer, [])]


def _lrn(func, pb, name, bottoms):
    layer = _layer(pb, 'LRN', name, bottoms)
    param = layer.lrn_param
    param.norm_region = pb.LRNParameter.ACROSS_CHANNELS
    param.local_size = func.n
    param.k = func.k
    # Caffe divides alpha by the window size; Chainer does not.
    param.alpha = func.alpha * func.n
    param.beta = func.beta
    return [(layer, [])]


def _batch_normalization(func, pb, name, bottoms):
    # Caffe splits it into normalization (BatchNorm, with a scale factor
    # blob of 1) and the affine part (Scale).
    gamma = input_array(func, 1)
    mean, var = input_array(func, 3), input_array(func, 4)
    try:
        beta = input_array(func, 2)
    except ValueError:
        beta = None
    bn_name = name + '_bn'
    norm = _layer(pb, 'BatchNorm', bn_name, bottoms[:1])
    norm.batch_norm_param.use_global_stats = True
    norm.batch_norm_param.eps = func.eps
    norm_blobs = [mean, var, numpy.ones((1,), numpy.float32)]
    affine = _layer(pb, 'Scale', name, [bn_name])
    affine.scale_param.axis = 1
    affine.scale_param.bias_term = beta is not None
    affine_blobs = [gamma] + ([beta] if beta is not None else [])
    return [(norm, norm_blobs), (affine, affine_blobs)]


def _relu(func, pb, name, bottoms):
    return [(_layer(pb, 'ReLU', name, bottoms), [])]


def _leaky_relu(func, pb, name, bottoms):
    layer = _layer(pb, 'ReLU', name, bottoms)
    layer.relu_param.negative_slope = func.slope
    return [(layer, [])]


def _concat(func, pb, name, bottoms):
    layer = _layer(pb, 'Concat', name, bottoms)
    layer.concat_param.axis = func.axis
    return [(layer, [])]


def _softmax(func, pb, name, bottoms):
    layer = _layer(pb, 'Softmax', name, bottoms)
    if func.axis != 1:
        layer.softmax_param.axis = func.axis
    return [(layer, [])]


def _sigmoid(func, pb, name, bottoms):
    return [(_layer(pb, 'Sigmoid', name, bottoms), [])]


def _reshape(func, pb, name, bottoms):
    layer = _layer(pb, 'Reshape', name, bottoms)
    layer.reshape_param.shape.dim.extend(int(d) for d in func.shape)
    return [(layer, [])]


def _add(func, pb, name, bottoms):
    # SUM is Caffe's default operation; v5 writes no eltwise_param.
    return [(_layer(pb, 'Eltwise', name, bottoms), [])]


# (node class, v5 label used in layer names, converter).
_CONVERTERS = (
    (linear.LinearFunction, 'LinearFunction', _linear),
    (convolution_nd.ConvolutionND, 'Convolution2DFunction', _convolution),
    (deconvolution_nd.DeconvolutionND, 'Deconvolution2DFunction',
     _convolution),
    (average_pooling_nd.AveragePoolingND, 'AveragePooling2D', _pooling),
    (max_pooling_nd.MaxPoolingND, 'MaxPooling2D', _pooling),
    (local_response_normalization.LocalResponseNormalization,
     'LocalResponseNormalization', _lrn),
    (fixed_batch_normalization.FixedBatchNormalization,
     'FixedBatchNormalization', _batch_normalization),
    (relu.ReLU, 'ReLU', _relu),
    (leaky_relu.LeakyReLU, 'LeakyReLU', _leaky_relu),
    (concat.Concat, 'Concat', _concat),
    (softmax.Softmax, 'Softmax', _softmax),
    (sigmoid.Sigmoid, 'Sigmoid', _sigmoid),
    (reshape.Reshape, 'Reshape', _reshape),
    (basic_math.Add, '_ + _', _add),
    (basic_math.MultiAdd, '_ + _', _add),
)


_N_DIMENSIONAL = (
    convolution_nd.ConvolutionND, deconvolution_nd.DeconvolutionND,
    average_pooling_nd.AveragePoolingND, max_pooling_nd.MaxPoolingND)


def find(func):
    """Returns ``(label, converter)`` for a node, or ``(None, None)``."""
    if isinstance(func, _N_DIMENSIONAL) and func.ndim != 2:
        return None, None  # Caffe layers here are 2-D only
    for cls, label, converter in _CONVERTERS:
        if isinstance(func, cls):
            return label, converter
    return None, None
