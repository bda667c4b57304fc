"""Base classes (chainer.serializer) and how objects drive (de)serializers."""
import json

import numpy
import pytest

import chainer
from chainer import serializer
from chainer import serializers


def test_top_level_names():
    assert chainer.AbstractSerializer is serializer.AbstractSerializer
    assert chainer.Serializer is serializer.Serializer
    assert chainer.Deserializer is serializer.Deserializer
    assert issubclass(serializers.DictionarySerializer, chainer.Serializer)
    assert issubclass(serializers.NpzDeserializer, chainer.Deserializer)
    assert issubclass(serializers.HDF5Serializer, chainer.Serializer)
    assert issubclass(serializers.HDF5Deserializer, chainer.Deserializer)


def test_abstract_methods_raise():
    s = serializer.AbstractSerializer()
    with pytest.raises(NotImplementedError):
        s['x']
    with pytest.raises(NotImplementedError):
        s('x', 1)


def test_save_and_load_call_serialize():
    calls = []

    class Obj(object):
        def serialize(self, s):
            calls.append(s)

    ser, deser = serializer.Serializer(), serializer.Deserializer()
    ser.save(Obj())
    deser.load(Obj())
    assert calls == [ser, deser]


class PlotLike(object):

    """Loads through the returned value, like v5's PlotReport."""

    def __init__(self, data=None):
        self.data = data

    def serialize(self, s):
        if isinstance(s, chainer.Serializer):
            s('_plot', json.dumps(self.data))
        else:
            self.data = json.loads(s('_plot', ''))


class IteratorLike(object):

    """Falls back on KeyError, like v5's SerialIterator."""

    def __init__(self):
        self.position = 0
        self.previous = None

    def serialize(self, s):
        self.position = s('position', self.position)
        try:
            self.previous = s('previous', self.previous)
        except KeyError:
            self.previous = -1.0


def test_objects_that_use_the_returned_value(tmp_path):
    path = str(tmp_path / 'plot.npz')
    serializers.save_npz(path, PlotLike({'loss': [1, 2]}))
    loaded = PlotLike()
    serializers.load_npz(path, loaded)
    assert loaded.data == {'loss': [1, 2]}


def test_key_error_fallback_in_serialize(tmp_path):
    path = str(tmp_path / 'it.npz')
    numpy.savez(path, position=numpy.asarray(7))
    it = IteratorLike()
    serializers.load_npz(path, it)
    assert it.position == 7 and it.previous == -1.0


def test_single_pass_use_of_the_deserializer(tmp_path):
    # Calling obj.serialize(deserializer) directly (no two-pass load) still
    # checks each value.
    link = chainer.Link()
    with link.init_scope():
        link.W = chainer.Parameter(numpy.zeros((2, 2), 'f'))
    d = {'W': numpy.ones((2, 2))}
    link.serialize(serializers.NpzDeserializer(d))
    numpy.testing.assert_array_equal(link.W.array, numpy.ones((2, 2)))
    with pytest.raises(ValueError, match="'W'"):
        link.serialize(serializers.NpzDeserializer({'W': numpy.ones(3)}))


def test_returned_values_follow_v5():
    d = serializers.NpzDeserializer({'a': numpy.arange(3.),
                                     'n': numpy.asarray(None),
                                     's': numpy.asarray(4)})
    loaded = d('a', None)
    numpy.testing.assert_array_equal(loaded, [0, 1, 2])
    target = numpy.zeros(3, 'f')
    assert d('a', target) is target
    numpy.testing.assert_array_equal(target, [0, 1, 2])
    assert d('n', target) is None
    assert d('s', 0) == 4
    assert d('/a', None) is not None  # leading slash ignored
