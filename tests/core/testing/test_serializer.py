import os
import sys
import types

import numpy
import pytest

import chainer
from chainer import testing


class _Holder(object):
    """Minimal serializable object: one array and one scalar."""

    def __init__(self, value, count):
        self.value = numpy.array(value, numpy.float32)
        self.count = count

    def serialize(self, serializer):
        self.value = serializer('value', self.value)
        self.count = serializer('count', self.count)


def test_save_and_load_calls_saver_then_loader(tmp_path):
    calls = []
    src, dst = object(), object()
    path = str(tmp_path / 'f.bin')
    testing.save_and_load(
        src, dst, path,
        lambda f, obj: calls.append(('save', f, obj)),
        lambda f, obj: calls.append(('load', f, obj)))
    assert calls == [('save', path, src), ('load', path, dst)]


@pytest.fixture
def fake_serializers(monkeypatch):
    """Records calls; the file exists between save and load."""
    module = types.ModuleType('chainer.serializers')
    calls = []

    def saver(kind):
        def save(filename, obj):
            with open(filename, 'w') as f:
                f.write(kind)
            calls.append(('save_' + kind, os.path.basename(filename), obj))
        return save

    def loader(kind):
        def load(filename, obj):
            with open(filename) as f:
                assert f.read() == kind
            calls.append(('load_' + kind, os.path.basename(filename), obj))
            calls.append(filename)
        return load
    module.save_npz, module.load_npz = saver('npz'), loader('npz')
    module.save_hdf5, module.load_hdf5 = saver('hdf5'), loader('hdf5')
    monkeypatch.setitem(sys.modules, 'chainer.serializers', module)
    monkeypatch.setattr(chainer, 'serializers', module, raising=False)
    return calls


@pytest.mark.parametrize('kind, function, basename', [
    ('npz', testing.save_and_load_npz, 'tmp.npz'),
    ('hdf5', testing.save_and_load_hdf5, 'tmp.h5'),
])
def test_round_trip_uses_serializers(fake_serializers, kind, function,
                                     basename):
    function('src', 'dst')
    filename = fake_serializers.pop()
    assert fake_serializers == [('save_' + kind, basename, 'src'),
                                ('load_' + kind, basename, 'dst')]
    assert not os.path.exists(os.path.dirname(filename))  # cleaned up


@pytest.mark.parametrize('function', ['save_and_load_npz',
                                      'save_and_load_hdf5'])
def test_real_round_trip(function):
    serializers = pytest.importorskip('chainer.serializers')
    if not hasattr(serializers, 'save_npz'):
        pytest.skip('chainer.serializers is not written yet')
    if function == 'save_and_load_hdf5':
        pytest.importorskip('h5py')
    src = _Holder([1.5, -2.], 3)
    dst = _Holder([0., 0.], 0)
    getattr(testing, function)(src, dst)
    numpy.testing.assert_array_equal(dst.value, [1.5, -2.])
    assert dst.count == 3
