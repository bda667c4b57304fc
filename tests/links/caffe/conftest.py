"""A builder of small ``.caffemodel`` files for the Caffe import tests."""
import numpy
import pytest


class _NetBuilder(object):

    """Collects layers of a ``NetParameter`` and writes it to a file.

    ``layer(name, type, bottom, top, blobs)`` adds a layer (new format)
    whose blobs are given as arrays and returns the message so that the
    test sets its parameters; ``save()`` writes the file and returns its
    path.
    """

    def __init__(self, directory):
        from chainer.links.caffe.protobuf3 import caffe_pb2
        self.pb = caffe_pb2
        self.net = caffe_pb2.NetParameter(name='test')
        self.directory = directory
        self.count = 0

    @staticmethod
    def add_blob(layer, array, legacy=False):
        blob = layer.blobs.add()
        array = numpy.asarray(array, numpy.float32)
        if legacy:  # 4-D num/channels/height/width of old files
            dims = (1,) * (4 - array.ndim) + array.shape
            blob.num, blob.channels, blob.height, blob.width = dims
        else:
            blob.shape.dim.extend(array.shape)
        blob.data.extend(array.ravel().tolist())
        return blob

    def layer(self, name, type_name, bottom, top, blobs=()):
        layer = self.net.layer.add(name=name, type=type_name)
        layer.bottom.extend(bottom)
        layer.top.extend(top)
        for array in blobs:
            self.add_blob(layer, array)
        return layer

    def v1_layer(self, name, type_name, bottom, top, blobs=()):
        layer = self.net.layers.add(name=name)
        layer.type = self.pb.V1LayerParameter.LayerType.Value(type_name)
        layer.bottom.extend(bottom)
        layer.top.extend(top)
        for array in blobs:
            self.add_blob(layer, array, legacy=True)
        return layer

    def save(self):
        self.count += 1
        path = self.directory / ('net%d.caffemodel' % self.count)
        path.write_bytes(self.net.SerializeToString())
        return str(path)


@pytest.fixture
def net(tmp_path):
    return _NetBuilder(tmp_path)


@pytest.fixture
def uniform():
    rng = numpy.random.RandomState(1)

    def sample(*shape):
        return rng.uniform(-1, 1, shape).astype(numpy.float32)
    return sample
