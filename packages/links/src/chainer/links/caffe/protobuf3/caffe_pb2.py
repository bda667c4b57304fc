"""Protocol buffer classes for the part of ``caffe.proto`` Chainer uses.

The descriptors are built at import time from the tables below, with no
``protoc`` and no generated code, in a private descriptor pool: they never
clash with the ``caffe_pb2`` of a Caffe installation imported into the same
process. Field numbers and types are those of BVLC Caffe's ``caffe.proto``,
so files written by Caffe parse here and files written here load in Caffe.
Fields left out of the tables survive a parse as unknown fields.

Every message is a module attribute (``NetParameter``, ``LayerParameter``,
``BlobProto``, ...), and so are the ``Phase`` enum and its values ``TRAIN``
and ``TEST``, as in a generated module.
"""
from google.protobuf import descriptor_pb2
from google.protobuf import descriptor_pool
from google.protobuf import message_factory
from google.protobuf.internal import enum_type_wrapper

_FILE_NAME = 'chainer/links/caffe/caffe_subset.proto'
_FDP = descriptor_pb2.FieldDescriptorProto
_SCALARS = {
    'double': _FDP.TYPE_DOUBLE, 'float': _FDP.TYPE_FLOAT,
    'int64': _FDP.TYPE_INT64, 'uint64': _FDP.TYPE_UINT64,
    'int32': _FDP.TYPE_INT32, 'uint32': _FDP.TYPE_UINT32,
    'bool': _FDP.TYPE_BOOL, 'string': _FDP.TYPE_STRING,
    'bytes': _FDP.TYPE_BYTES,
}
_ENGINE = {'Engine': ('DEFAULT', 'CAFFE', 'CUDNN')}
_DIM_CHECK = {'DimCheckMode': ('STRICT', 'PERMISSIVE')}

# Top-level enums: name -> value names numbered from 0.
_ENUMS = {'Phase': ('TRAIN', 'TEST')}

# Messages: (name, nested enums, fields). A field is
# (label, type, name, number[, default]) where the label is '?' (optional),
# '*' (repeated) or '+' (repeated, packed), and the default is written as
# in a .proto file. A nested enum lists its value names numbered from 0, or
# (name, number) pairs.
_MESSAGES = [
    ('BlobShape', {}, [('+', 'int64', 'dim', 1)]),
    ('BlobProto', {}, [
        ('?', 'BlobShape', 'shape', 7),
        ('+', 'float', 'data', 5),
        ('+', 'float', 'diff', 6),
        ('+', 'double', 'double_data', 8),
        ('+', 'double', 'double_diff', 9),
        ('?', 'int32', 'num', 1, '0'),
        ('?', 'int32', 'channels', 2, '0'),
        ('?', 'int32', 'height', 3, '0'),
        ('?', 'int32', 'width', 4, '0'),
    ]),
    ('FillerParameter', {'VarianceNorm': ('FAN_IN', 'FAN_OUT', 'AVERAGE')}, [
        ('?', 'string', 'type', 1, 'constant'),
        ('?', 'float', 'value', 2, '0'),
        ('?', 'float', 'min', 3, '0'),
        ('?', 'float', 'max', 4, '1'),
        ('?', 'float', 'mean', 5, '0'),
        ('?', 'float', 'std', 6, '1'),
        ('?', 'int32', 'sparse', 7, '-1'),
        ('?', 'VarianceNorm', 'variance_norm', 8, 'FAN_IN'),
    ]),
    ('NetParameter', {}, [
        ('?', 'string', 'name', 1),
        ('*', 'string', 'input', 3),
        ('*', 'BlobShape', 'input_shape', 8),
        ('*', 'int32', 'input_dim', 4),
        ('?', 'bool', 'force_backward', 5, 'false'),
        ('?', 'NetState', 'state', 6),
        ('?', 'bool', 'debug_info', 7, 'false'),
        ('*', 'LayerParameter', 'layer', 100),
        ('*', 'V1LayerParameter', 'layers', 2),
    ]),
    ('NetState', {}, [
        ('?', 'Phase', 'phase', 1, 'TEST'),
        ('?', 'int32', 'level', 2, '0'),
        ('*', 'string', 'stage', 3),
    ]),
    ('NetStateRule', {}, [
        ('?', 'Phase', 'phase', 1),
        ('?', 'int32', 'min_level', 2),
        ('?', 'int32', 'max_level', 3),
        ('*', 'string', 'stage', 4),
        ('*', 'string', 'not_stage', 5),
    ]),
    ('ParamSpec', _DIM_CHECK, [
        ('?', 'string', 'name', 1),
        ('?', 'DimCheckMode', 'share_mode', 2),
        ('?', 'float', 'lr_mult', 3, '1'),
        ('?', 'float', 'decay_mult', 4, '1'),
    ]),
    ('LayerParameter', {}, [
        ('?', 'string', 'name', 1),
        ('?', 'string', 'type', 2),
        ('*', 'string', 'bottom', 3),
        ('*', 'string', 'top', 4),
        ('?', 'Phase', 'phase', 10),
        ('*', 'float', 'loss_weight', 5),
        ('*', 'ParamSpec', 'param', 6),
        ('*', 'BlobProto', 'blobs', 7),
        ('*', 'bool', 'propagate_down', 11),
        ('*', 'NetStateRule', 'include', 8),
        ('*', 'NetStateRule', 'exclude', 9),
        ('?', 'LossParameter', 'loss_param', 101),
        ('?', 'BatchNormParameter', 'batch_norm_param', 139),
        ('?', 'BiasParameter', 'bias_param', 141),
        ('?', 'ConcatParameter', 'concat_param', 104),
        ('?', 'ConvolutionParameter', 'convolution_param', 106),
        ('?', 'DropoutParameter', 'dropout_param', 108),
        ('?', 'EltwiseParameter', 'eltwise_param', 110),
        ('?', 'FlattenParameter', 'flatten_param', 135),
        ('?', 'InnerProductParameter', 'inner_product_param', 117),
        ('?', 'InputParameter', 'input_param', 143),
        ('?', 'LRNParameter', 'lrn_param', 118),
        ('?', 'PoolingParameter', 'pooling_param', 121),
        ('?', 'ReLUParameter', 'relu_param', 123),
        ('?', 'ReshapeParameter', 'reshape_param', 133),
        ('?', 'ScaleParameter', 'scale_param', 142),
        ('?', 'SigmoidParameter', 'sigmoid_param', 124),
        ('?', 'SoftmaxParameter', 'softmax_param', 125),
        ('?', 'SliceParameter', 'slice_param', 126),
        ('?', 'TanHParameter', 'tanh_param', 127),
    ]),
    ('LossParameter', {'NormalizationMode': (
        'FULL', 'VALID', 'BATCH_SIZE', 'NONE')}, [
        ('?', 'int32', 'ignore_label', 1),
        ('?', 'NormalizationMode', 'normalization', 3, 'VALID'),
        ('?', 'bool', 'normalize', 2),
    ]),
    ('BatchNormParameter', {}, [
        ('?', 'bool', 'use_global_stats', 1),
        ('?', 'float', 'moving_average_fraction', 2, '0.999'),
        ('?', 'float', 'eps', 3, '1e-05'),
    ]),
    ('BiasParameter', {}, [
        ('?', 'int32', 'axis', 1, '1'),
        ('?', 'int32', 'num_axes', 2, '1'),
        ('?', 'FillerParameter', 'filler', 3),
    ]),
    ('ConcatParameter', {}, [
        ('?', 'int32', 'axis', 2, '1'),
        ('?', 'uint32', 'concat_dim', 1, '1'),
    ]),
    ('ConvolutionParameter', _ENGINE, [
        ('?', 'uint32', 'num_output', 1),
        ('?', 'bool', 'bias_term', 2, 'true'),
        ('*', 'uint32', 'pad', 3),
        ('*', 'uint32', 'kernel_size', 4),
        ('*', 'uint32', 'stride', 6),
        ('*', 'uint32', 'dilation', 18),
        ('?', 'uint32', 'pad_h', 9, '0'),
        ('?', 'uint32', 'pad_w', 10, '0'),
        ('?', 'uint32', 'kernel_h', 11),
        ('?', 'uint32', 'kernel_w', 12),
        ('?', 'uint32', 'stride_h', 13),
        ('?', 'uint32', 'stride_w', 14),
        ('?', 'uint32', 'group', 5, '1'),
        ('?', 'FillerParameter', 'weight_filler', 7),
        ('?', 'FillerParameter', 'bias_filler', 8),
        ('?', 'Engine', 'engine', 15, 'DEFAULT'),
        ('?', 'int32', 'axis', 16, '1'),
        ('?', 'bool', 'force_nd_im2col', 17, 'false'),
    ]),
    ('DropoutParameter', {}, [
        ('?', 'float', 'dropout_ratio', 1, '0.5'),
    ]),
    ('EltwiseParameter', {'EltwiseOp': ('PROD', 'SUM', 'MAX')}, [
        ('?', 'EltwiseOp', 'operation', 1, 'SUM'),
        ('*', 'float', 'coeff', 2),
        ('?', 'bool', 'stable_prod_grad', 3, 'true'),
    ]),
    ('FlattenParameter', {}, [
        ('?', 'int32', 'axis', 1, '1'),
        ('?', 'int32', 'end_axis', 2, '-1'),
    ]),
    ('InnerProductParameter', {}, [
        ('?', 'uint32', 'num_output', 1),
        ('?', 'bool', 'bias_term', 2, 'true'),
        ('?', 'FillerParameter', 'weight_filler', 3),
        ('?', 'FillerParameter', 'bias_filler', 4),
        ('?', 'int32', 'axis', 5, '1'),
        ('?', 'bool', 'transpose', 6, 'false'),
    ]),
    ('InputParameter', {}, [('*', 'BlobShape', 'shape', 1)]),
    ('LRNParameter', dict(_ENGINE, NormRegion=(
        'ACROSS_CHANNELS', 'WITHIN_CHANNEL')), [
        ('?', 'uint32', 'local_size', 1, '5'),
        ('?', 'float', 'alpha', 2, '1'),
        ('?', 'float', 'beta', 3, '0.75'),
        ('?', 'NormRegion', 'norm_region', 4, 'ACROSS_CHANNELS'),
        ('?', 'float', 'k', 5, '1'),
        ('?', 'Engine', 'engine', 6, 'DEFAULT'),
    ]),
    ('PoolingParameter', dict(_ENGINE, PoolMethod=(
        'MAX', 'AVE', 'STOCHASTIC')), [
        ('?', 'PoolMethod', 'pool', 1, 'MAX'),
        ('?', 'uint32', 'pad', 4, '0'),
        ('?', 'uint32', 'pad_h', 9, '0'),
        ('?', 'uint32', 'pad_w', 10, '0'),
        ('?', 'uint32', 'kernel_size', 2),
        ('?', 'uint32', 'kernel_h', 5),
        ('?', 'uint32', 'kernel_w', 6),
        ('?', 'uint32', 'stride', 3, '1'),
        ('?', 'uint32', 'stride_h', 7),
        ('?', 'uint32', 'stride_w', 8),
        ('?', 'Engine', 'engine', 11, 'DEFAULT'),
        ('?', 'bool', 'global_pooling', 12, 'false'),
    ]),
    ('ReLUParameter', _ENGINE, [
        ('?', 'float', 'negative_slope', 1, '0'),
        ('?', 'Engine', 'engine', 2, 'DEFAULT'),
    ]),
    ('ReshapeParameter', {}, [
        ('?', 'BlobShape', 'shape', 1),
        ('?', 'int32', 'axis', 2, '0'),
        ('?', 'int32', 'num_axes', 3, '-1'),
    ]),
    ('ScaleParameter', {}, [
        ('?', 'int32', 'axis', 1, '1'),
        ('?', 'int32', 'num_axes', 2, '1'),
        ('?', 'FillerParameter', 'filler', 3),
        ('?', 'bool', 'bias_term', 4, 'false'),
        ('?', 'FillerParameter', 'bias_filler', 5),
    ]),
    ('SigmoidParameter', _ENGINE, [
        ('?', 'Engine', 'engine', 1, 'DEFAULT'),
    ]),
    ('SliceParameter', {}, [
        ('?', 'int32', 'axis', 3, '1'),
        ('*', 'uint32', 'slice_point', 2),
        ('?', 'uint32', 'slice_dim', 1, '1'),
    ]),
    ('SoftmaxParameter', _ENGINE, [
        ('?', 'Engine', 'engine', 1, 'DEFAULT'),
        ('?', 'int32', 'axis', 2, '1'),
    ]),
    ('TanHParameter', _ENGINE, [
        ('?', 'Engine', 'engine', 1, 'DEFAULT'),
    ]),
    # The layer format of old models (e.g. VGG's), read by CaffeFunction.
    ('V1LayerParameter', dict(_DIM_CHECK, LayerType=(
        ('NONE', 0), ('ABSVAL', 35), ('ACCURACY', 1), ('ARGMAX', 30),
        ('BNLL', 2), ('CONCAT', 3), ('CONTRASTIVE_LOSS', 37),
        ('CONVOLUTION', 4), ('DATA', 5), ('DECONVOLUTION', 39),
        ('DROPOUT', 6), ('DUMMY_DATA', 32), ('EUCLIDEAN_LOSS', 7),
        ('ELTWISE', 25), ('EXP', 38), ('FLATTEN', 8), ('HDF5_DATA', 9),
        ('HDF5_OUTPUT', 10), ('HINGE_LOSS', 28), ('IM2COL', 11),
        ('IMAGE_DATA', 12), ('INFOGAIN_LOSS', 13), ('INNER_PRODUCT', 14),
        ('LRN', 15), ('MEMORY_DATA', 29), ('MULTINOMIAL_LOGISTIC_LOSS', 16),
        ('MVN', 34), ('POOLING', 17), ('POWER', 26), ('RELU', 18),
        ('SIGMOID', 19), ('SIGMOID_CROSS_ENTROPY_LOSS', 27),
        ('SILENCE', 36), ('SOFTMAX', 20), ('SOFTMAX_LOSS', 21),
        ('SPLIT', 22), ('SLICE', 33), ('TANH', 23), ('WINDOW_DATA', 24),
        ('THRESHOLD', 31))), [
        ('*', 'string', 'bottom', 2),
        ('*', 'string', 'top', 3),
        ('?', 'string', 'name', 4),
        ('*', 'NetStateRule', 'include', 32),
        ('*', 'NetStateRule', 'exclude', 33),
        ('?', 'LayerType', 'type', 5),
        ('*', 'BlobProto', 'blobs', 6),
        ('*', 'string', 'param', 1001),
        ('*', 'DimCheckMode', 'blob_share_mode', 1002),
        ('*', 'float', 'blobs_lr', 7),
        ('*', 'float', 'weight_decay', 8),
        ('*', 'float', 'loss_weight', 35),
        ('?', 'ConcatParameter', 'concat_param', 9),
        ('?', 'ConvolutionParameter', 'convolution_param', 10),
        ('?', 'DropoutParameter', 'dropout_param', 12),
        ('?', 'EltwiseParameter', 'eltwise_param', 24),
        ('?', 'InnerProductParameter', 'inner_product_param', 17),
        ('?', 'LRNParameter', 'lrn_param', 18),
        ('?', 'PoolingParameter', 'pooling_param', 19),
        ('?', 'ReLUParameter', 'relu_param', 30),
        ('?', 'SigmoidParameter', 'sigmoid_param', 38),
        ('?', 'SoftmaxParameter', 'softmax_param', 39),
        ('?', 'SliceParameter', 'slice_param', 31),
        ('?', 'TanHParameter', 'tanh_param', 37),
        ('?', 'LossParameter', 'loss_param', 42),
    ]),
]


def _fill_enum(enum_proto, name, values):
    enum_proto.name = name
    for i, value in enumerate(values):
        value_name, number = value if isinstance(value, tuple) else (value, i)
        enum_proto.value.add(name=value_name, number=number)


def _fill_field(field, spec, message, nested_enums, message_names):
    label, type_name, name, number = spec[:4]
    field.name = name
    field.number = number
    field.label = _FDP.LABEL_OPTIONAL if label == '?' else _FDP.LABEL_REPEATED
    if label == '+':
        field.options.packed = True
    if len(spec) > 4:
        field.default_value = spec[4]
    if type_name in _SCALARS:
        field.type = _SCALARS[type_name]
    elif type_name in nested_enums:
        field.type = _FDP.TYPE_ENUM
        field.type_name = '.caffe.%s.%s' % (message, type_name)
    elif type_name in _ENUMS:
        field.type = _FDP.TYPE_ENUM
        field.type_name = '.caffe.' + type_name
    elif type_name in message_names:
        field.type = _FDP.TYPE_MESSAGE
        field.type_name = '.caffe.' + type_name
    else:
        raise AssertionError('unknown type in caffe tables: ' + type_name)


def _file_proto():
    proto = descriptor_pb2.FileDescriptorProto(
        name=_FILE_NAME, package='caffe', syntax='proto2')
    for name, values in _ENUMS.items():
        _fill_enum(proto.enum_type.add(), name, values)
    message_names = set(m[0] for m in _MESSAGES)
    for name, enums, fields in _MESSAGES:
        message = proto.message_type.add(name=name)
        for enum_name, values in enums.items():
            _fill_enum(message.enum_type.add(), enum_name, values)
        for spec in fields:
            _fill_field(message.field.add(), spec, name, enums, message_names)
    return proto


def _message_class(descriptor):
    if hasattr(message_factory, 'GetMessageClass'):
        return message_factory.GetMessageClass(descriptor)
    # protobuf < 4.21 only has the factory object.
    return message_factory.MessageFactory(
        descriptor.file.pool).GetPrototype(descriptor)


_pool = descriptor_pool.DescriptorPool()
_pool.AddSerializedFile(_file_proto().SerializeToString())
DESCRIPTOR = _pool.FindFileByName(_FILE_NAME)

for _name in DESCRIPTOR.message_types_by_name:
    globals()[_name] = _message_class(DESCRIPTOR.message_types_by_name[_name])
for _name, _enum in DESCRIPTOR.enum_types_by_name.items():
    globals()[_name] = enum_type_wrapper.EnumTypeWrapper(_enum)
    for _value in _enum.values:
        globals()[_value.name] = _value.number
del _name, _enum, _value
