"""The hand-built caffe.proto subset: wire compatibility with Caffe."""
import pytest

pytest.importorskip('google.protobuf')

from google.protobuf import descriptor_pool  # NOQA: E402
from google.protobuf import text_format  # NOQA: E402

from chainer.links.caffe.protobuf3 import caffe_pb2  # NOQA: E402


def test_field_numbers_on_the_wire():
    # Bytes worked out by hand from caffe.proto's field numbers: a field's
    # tag is (number << 3 | wire type), as a varint.
    shape = caffe_pb2.BlobShape(dim=[2, 3])
    assert shape.SerializeToString() == b'\x0a\x02\x02\x03'  # packed, 1
    blob = caffe_pb2.BlobProto(num=1, channels=2, height=3, width=4)
    assert blob.SerializeToString() == b'\x08\x01\x10\x02\x18\x03\x20\x04'
    blob = caffe_pb2.BlobProto(data=[1.0])
    assert blob.SerializeToString() == b'\x2a\x04\x00\x00\x80\x3f'  # 5
    net = caffe_pb2.NetParameter()
    net.layer.add(name='a')  # field 100: tag 802 = a2 06
    assert net.SerializeToString() == b'\xa2\x06\x03\x0a\x01a'
    net = caffe_pb2.NetParameter()
    net.layers.add(name='a', type=caffe_pb2.V1LayerParameter.RELU)
    assert net.SerializeToString() == b'\x12\x05\x22\x01a\x28\x12'
    layer = caffe_pb2.LayerParameter()
    layer.convolution_param.kernel_size.append(3)  # 106 -> d2 06
    assert layer.SerializeToString() == b'\xd2\x06\x02\x20\x03'
    layer = caffe_pb2.LayerParameter()
    layer.batch_norm_param.use_global_stats = True  # 139 -> da 08
    assert layer.SerializeToString() == b'\xda\x08\x02\x08\x01'


def test_defaults_and_enums():
    assert caffe_pb2.TRAIN == 0 and caffe_pb2.TEST == 1
    assert caffe_pb2.Phase.Name(1) == 'TEST'
    assert caffe_pb2.NetState().phase == caffe_pb2.TEST
    conv = caffe_pb2.ConvolutionParameter()
    assert conv.bias_term and conv.group == 1 and conv.axis == 1
    pool = caffe_pb2.PoolingParameter()
    assert pool.pool == pool.MAX == 0 and pool.AVE == 1
    assert pool.stride == 1 and pool.kernel_size == 0
    lrn = caffe_pb2.LRNParameter()
    assert (lrn.local_size, lrn.alpha, lrn.beta, lrn.k) == (5, 1, 0.75, 1)
    bn = caffe_pb2.BatchNormParameter()
    assert bn.moving_average_fraction == pytest.approx(0.999)
    assert bn.eps == pytest.approx(1e-5)
    assert caffe_pb2.EltwiseParameter().operation == \
        caffe_pb2.EltwiseParameter.SUM
    assert caffe_pb2.V1LayerParameter.CONVOLUTION == 4
    assert caffe_pb2.V1LayerParameter.SPLIT == 22


def test_text_format_round_trip():
    text = '''
        name: "net"
        layer {
          name: "pool" type: "Pooling" bottom: "x" top: "y"
          pooling_param { pool: AVE kernel_size: 3 stride: 2 }
        }
    '''
    net = text_format.Parse(text, caffe_pb2.NetParameter())
    assert net.layer[0].pooling_param.pool == caffe_pb2.PoolingParameter.AVE
    again = text_format.Parse(text_format.MessageToString(net),
                              caffe_pb2.NetParameter())
    assert again == net


def test_unknown_fields_survive():
    # A field this subset leaves out (LayerParameter.accuracy_param, 102)
    # is kept through a parse and a write.
    raw = b'\xb2\x06\x02\x08\x05' + b'\x0a\x01a'
    layer = caffe_pb2.LayerParameter()
    layer.MergeFromString(raw)
    assert layer.name == 'a'
    again = caffe_pb2.LayerParameter()
    again.MergeFromString(layer.SerializeToString())
    assert again.SerializeToString() == layer.SerializeToString()
    assert b'\xb2\x06\x02\x08\x05' in layer.SerializeToString()


def test_private_descriptor_pool():
    # A Caffe installation's own caffe_pb2 can still be imported.
    with pytest.raises(KeyError):
        descriptor_pool.Default().FindMessageTypeByName('caffe.NetParameter')
