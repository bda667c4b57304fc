"""HDF5 format: layout, round trips, v5-style files, bad files."""
import os
import sys

import numpy
import pytest

import chainer
from chainer import serializers

h5py = pytest.importorskip('h5py')


def test_layout_groups_and_datasets(tmp_path, models):
    model = models.Classifier(1, lazy=True)
    path = str(tmp_path / 'm.h5')
    serializers.save_hdf5(path, model)
    with h5py.File(path, 'r') as f:
        assert list(f.keys()) == ['predictor']
        assert sorted(f['predictor'].keys()) == ['l1', 'l2']
        assert sorted(f['predictor/l1'].keys()) == ['N', 'W', 'avg', 'b']
        assert f['predictor/l1/W'].shape is None  # None: empty dataset
        numpy.testing.assert_array_equal(f['predictor/l2/W'][()],
                                         model.predictor.l2.W.array)
        assert f['predictor/l2/W'].compression == 'gzip'
        assert f['predictor/l2/N'][()] == 2
        assert f['predictor/l2/N'].compression is None


def test_round_trip_bit_exact(tmp_path, models):
    src, dst = models.Classifier(1), models.Classifier(2)
    src.predictor.l2.b.array[0] = numpy.nan
    path = str(tmp_path / 'm.h5')
    serializers.save_hdf5(path, src, compression=0)
    serializers.load_hdf5(path, dst)
    for a, b in zip(src.params(), dst.params()):
        assert a.array.tobytes() == b.array.tobytes()
    models.assert_same_state(models.snapshot_of(dst), models.snapshot_of(src))
    assert type(dst.predictor.l1.N) is int


def test_load_file_written_with_h5py(tmp_path, models):
    # What v5's save_hdf5 writes, rebuilt with plain h5py.
    src = models.MLP(4)
    path = str(tmp_path / 'v5.h5')
    with h5py.File(path, 'w') as f:
        for layer in ('l1', 'l2'):
            link = getattr(src, layer)
            g = f.create_group(layer)
            for name in ('W', 'b', 'avg'):
                value = getattr(link, name)
                g.create_dataset(name, data=getattr(value, 'array', value))
            g.create_dataset('N', data=numpy.asarray(link.N))
    dst = models.MLP(0)
    serializers.load_hdf5(path, dst)
    models.assert_same_state(models.snapshot_of(dst), models.snapshot_of(src))


def test_none_and_lazy_params(tmp_path, models):
    lazy = models.Classifier(1, lazy=True)
    path = str(tmp_path / 'lazy.h5')
    serializers.save_hdf5(path, lazy)
    other = models.Classifier(2, lazy=True)
    serializers.load_hdf5(path, other)
    assert other.predictor.l1.W.array is None
    full = models.Classifier(3)
    serializers.save_hdf5(path, full)
    serializers.load_hdf5(path, other)
    numpy.testing.assert_array_equal(other.predictor.l1.W.array,
                                     full.predictor.l1.W.array)


def test_strings_and_scalars(tmp_path):
    link = chainer.Link()
    link.add_persistent('text', '{"a": "é"}')
    link.add_persistent('flag', True)
    link.add_persistent('x', 0.5)
    path = str(tmp_path / 's.h5')
    serializers.save_hdf5(path, link)
    other = chainer.Link()
    other.add_persistent('text', '')
    other.add_persistent('flag', False)
    other.add_persistent('x', 0.)
    serializers.load_hdf5(path, other)
    assert (other.text, other.flag, other.x) == ('{"a": "é"}', True, 0.5)


def test_trainer_snapshot_layout(tmp_path, models):
    model = models.Classifier(1)
    trainer = models.Trainer(models.Updater(model, models.Optimizer(model)))
    path = str(tmp_path / 'snap.h5')
    serializers.save_hdf5(path, trainer)
    with h5py.File(path, 'r') as f:
        assert sorted(f['updater'].keys()) == [
            'iteration', 'model:main', 'optimizer:main']
        assert 'm' in f['updater/optimizer:main/predictor/l1/W']
    model2 = models.Classifier(3)
    trainer2 = models.Trainer(models.Updater(model2, models.Optimizer(
        model2, seed=2)))
    serializers.load_hdf5(path, trainer2)
    assert trainer2.updater.optimizer.t == 10
    models.assert_same_state(models.snapshot_of(model2),
                             models.snapshot_of(model))


def test_deserializer_strict_and_errors(tmp_path, models):
    src = models.MLP(1)
    path = str(tmp_path / 'm.h5')
    serializers.save_hdf5(path, src)
    with h5py.File(path, 'a') as f:
        del f['l2/b']
        del f['l2/W']
        f['l2'].create_dataset('W', data=numpy.zeros((3, 3), 'f'))
    dst = models.MLP(9)
    before = models.snapshot_of(dst)
    with pytest.raises(ValueError) as info:
        serializers.load_hdf5(path, dst)
    assert 'l2/W' in str(info.value) and '(2, 4)' in str(info.value)
    models.assert_same_state(models.snapshot_of(dst), before)
    with h5py.File(path, 'a') as f:
        del f['l2/W']
    with pytest.raises(KeyError, match='l2/W'):
        serializers.load_hdf5(path, dst)
    models.assert_same_state(models.snapshot_of(dst), before)
    with h5py.File(path, 'r') as f:
        serializers.HDF5Deserializer(f, strict=False).load(dst)
    numpy.testing.assert_array_equal(dst.l1.W.array, src.l1.W.array)
    numpy.testing.assert_array_equal(dst.l2.b.array, before['/l2/b'])


def test_missing_group_strict_and_not(tmp_path, models):
    path = str(tmp_path / 'empty.h5')
    with h5py.File(path, 'w'):
        pass
    with pytest.raises(KeyError, match='l1/W'):
        serializers.load_hdf5(path, models.MLP())
    with h5py.File(path, 'r') as f:
        serializers.HDF5Deserializer(f, strict=False).load(models.MLP())


def test_corrupt_and_missing_files(tmp_path, models):
    path = str(tmp_path / 'm.h5')
    serializers.save_hdf5(path, models.MLP())
    data = open(path, 'rb').read()
    bad = str(tmp_path / 'cut.h5')
    with open(bad, 'wb') as f:
        f.write(data[:len(data) // 3])
    dst = models.MLP(9)
    before = models.snapshot_of(dst)
    with pytest.raises(ValueError, match='truncated or corrupt'):
        serializers.load_hdf5(bad, dst)
    models.assert_same_state(models.snapshot_of(dst), before)
    with pytest.raises(FileNotFoundError):
        serializers.load_hdf5(str(tmp_path / 'none.h5'), dst)


def test_save_is_atomic(tmp_path, models):
    path = str(tmp_path / 'm.h5')
    serializers.save_hdf5(path, models.MLP(1))
    before = open(path, 'rb').read()

    class Broken(object):
        def serialize(self, serializer):
            serializer('a', numpy.zeros(3))
            raise RuntimeError('crash')

    with pytest.raises(RuntimeError):
        serializers.save_hdf5(path, Broken())
    assert open(path, 'rb').read() == before
    assert os.listdir(str(tmp_path)) == ['m.h5']


def test_missing_h5py_message(monkeypatch):
    monkeypatch.setitem(sys.modules, 'h5py', None)
    with pytest.raises(ImportError, match='pip install h5py'):
        serializers.save_hdf5('unused.h5', chainer.Link())
