"""Helpers reading blob shapes and window geometry of Caffe layers."""
import numpy
import pytest

pytest.importorskip('google.protobuf')

from chainer.links.caffe import _blobs  # NOQA: E402
from chainer.links.caffe.protobuf3 import caffe_pb2  # NOQA: E402


def test_values_and_shape():
    blob = caffe_pb2.BlobProto(data=[1, 2, 3, 4, 5, 6])
    blob.shape.dim.extend([2, 3])
    numpy.testing.assert_array_equal(_blobs.values(blob), [1, 2, 3, 4, 5, 6])
    assert _blobs.values(blob).dtype == numpy.float32
    assert _blobs.shape(blob) == (2, 3)
    assert _blobs.num_and_channels(blob) == (2, 3)
    assert _blobs.matrix_shape(blob) == (2, 3)

    legacy = caffe_pb2.BlobProto(num=1, channels=1, height=5, width=7,
                                 double_data=[0.5])
    numpy.testing.assert_array_equal(_blobs.values(legacy), [0.5])
    assert _blobs.shape(legacy) == (1, 1, 5, 7)
    assert _blobs.matrix_shape(legacy) == (5, 7)

    four = caffe_pb2.BlobProto()
    four.shape.dim.extend([1, 1, 5, 7])
    assert _blobs.matrix_shape(four) == (5, 7)
    three = caffe_pb2.BlobProto()
    three.shape.dim.extend([1, 5, 7])
    with pytest.raises(RuntimeError):
        _blobs.matrix_shape(three)


def test_window_of_convolution():
    param = caffe_pb2.ConvolutionParameter()
    assert (_blobs.ksize(param), _blobs.stride(param), _blobs.pad(param),
            _blobs.dilation(param)) == (0, 1, 0, 1)
    param.kernel_size.append(3)
    param.stride.extend([1, 2])
    param.dilation.append(2)
    assert (_blobs.ksize(param), _blobs.stride(param),
            _blobs.dilation(param)) == (3, (1, 2), 2)
    param.kernel_h, param.kernel_w, param.pad_w = 5, 4, 1
    assert _blobs.ksize(param) == (5, 4)
    assert _blobs.pad(param) == (0, 1)


def test_window_of_pooling():
    param = caffe_pb2.PoolingParameter(kernel_size=3, stride=2, pad=1)
    assert (_blobs.ksize(param), _blobs.stride(param),
            _blobs.pad(param)) == (3, 2, 1)
    param.stride_h, param.stride_w = 1, 3
    assert _blobs.stride(param) == (1, 3)


def test_fill_grouped():
    array = numpy.full((4, 6, 1, 1), 9, numpy.float32)
    data = numpy.arange(12, dtype=numpy.float32)
    _blobs.fill_grouped(array, data, 2, 'w')
    expected = numpy.zeros((4, 6))
    expected[:2, :3] = data[:6].reshape(2, 3)
    expected[2:, 3:] = data[6:].reshape(2, 3)
    numpy.testing.assert_array_equal(array[:, :, 0, 0], expected)
    with pytest.raises(ValueError, match='w'):
        _blobs.fill_grouped(array, data[:10], 2, 'w')
    with pytest.raises(ValueError, match='the bias'):
        _blobs.fill(numpy.zeros(3), data, 'the bias')
