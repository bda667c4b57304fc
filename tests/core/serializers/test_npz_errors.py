"""npz loading: strictness, ignored names, and bad files (target untouched)."""
import os
import zipfile

import numpy
import pytest

import chainer
from chainer import serializers


@pytest.fixture
def saved(tmp_path, models):
    src = models.Classifier(1)
    path = str(tmp_path / 'model.npz')
    serializers.save_npz(path, src, compression=False)
    return src, path


def _rewrite(path, out, drop=(), replace=None):
    # Copies an npz, leaving out or replacing entries, with plain numpy.
    with numpy.load(path) as f:
        d = {k: f[k] for k in f.files if k not in drop}
    d.update(replace or {})
    numpy.savez(out, **d)
    return out


def _check_untouched(models, dst, before):
    models.assert_same_state(models.snapshot_of(dst), before)


def test_missing_key_strict(tmp_path, saved, models):
    _, path = saved
    bad = _rewrite(path, str(tmp_path / 'bad.npz'),
                   drop=('predictor/l2/b',))
    dst = models.Classifier(9)
    before = models.snapshot_of(dst)
    with pytest.raises(KeyError, match='predictor/l2/b'):
        serializers.load_npz(bad, dst)
    _check_untouched(models, dst, before)


def test_missing_key_non_strict(tmp_path, saved, models):
    src, path = saved
    bad = _rewrite(path, str(tmp_path / 'bad.npz'),
                   drop=('predictor/l2/b', 'predictor/l1/N'))
    dst = models.Classifier(9)
    b = dst.predictor.l2.b.array.copy()
    serializers.load_npz(bad, dst, strict=False)
    numpy.testing.assert_array_equal(dst.predictor.l2.b.array, b)
    assert dst.predictor.l1.N == 9
    numpy.testing.assert_array_equal(dst.predictor.l1.W.array,
                                     src.predictor.l1.W.array)


def test_shape_mismatch_names_key_and_shapes(tmp_path, saved, models):
    _, path = saved
    bad = _rewrite(path, str(tmp_path / 'bad.npz'), replace={
        'predictor/l2/W': numpy.zeros((4, 2), 'f')})
    dst = models.Classifier(9)
    before = models.snapshot_of(dst)
    with pytest.raises(ValueError) as info:
        serializers.load_npz(bad, dst)
    message = str(info.value)
    assert 'predictor/l2/W' in message
    assert '(2, 4)' in message and '(4, 2)' in message
    # l1 comes first in the file and in serialization: still untouched.
    _check_untouched(models, dst, before)


def test_dtype_that_cannot_be_cast(tmp_path, saved, models):
    _, path = saved
    bad = _rewrite(path, str(tmp_path / 'bad.npz'), replace={
        'predictor/l2/avg': numpy.array(['a', 'b'])})
    dst = models.Classifier(9)
    before = models.snapshot_of(dst)
    with pytest.raises(TypeError, match='predictor/l2/avg'):
        serializers.load_npz(bad, dst)
    _check_untouched(models, dst, before)
    bad = _rewrite(path, str(tmp_path / 'bad2.npz'), replace={
        'predictor/l1/N': numpy.asarray(2.5)})
    with pytest.raises(TypeError, match='predictor/l1/N'):
        serializers.load_npz(bad, dst)
    _check_untouched(models, dst, before)


def test_truncated_file(tmp_path, saved, models):
    _, path = saved
    data = open(path, 'rb').read()
    for size in (0, 10, len(data) // 2, len(data) - 1):
        bad = str(tmp_path / ('cut%d.npz' % size))
        with open(bad, 'wb') as f:
            f.write(data[:size])
        dst = models.Classifier(9)
        before = models.snapshot_of(dst)
        with pytest.raises(ValueError, match='truncated or corrupt'):
            serializers.load_npz(bad, dst)
        _check_untouched(models, dst, before)


def test_corrupt_member_names_key(tmp_path, saved, models):
    _, path = saved
    name = 'predictor/l2/W.npy'
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    data = bytearray(open(path, 'rb').read())
    # Local header: 30 bytes + file name + extra field, then the data.
    start = info.header_offset + 30 + len(name) + int.from_bytes(
        data[info.header_offset + 28:info.header_offset + 30], 'little')
    data[start + info.compress_size - 1] ^= 0xFF  # last byte of W
    bad = str(tmp_path / 'flipped.npz')
    with open(bad, 'wb') as f:
        f.write(bytes(data))
    dst = models.Classifier(9)
    before = models.snapshot_of(dst)
    with pytest.raises(ValueError, match='predictor/l2/W') as info:
        serializers.load_npz(bad, dst)
    assert 'corrupt' in str(info.value)
    _check_untouched(models, dst, before)


def test_not_an_npz(tmp_path, models):
    npy = str(tmp_path / 'single.npy')
    numpy.save(npy, numpy.zeros(3))
    with pytest.raises(ValueError, match='not an npz'):
        serializers.load_npz(npy, models.MLP())
    text = str(tmp_path / 'text.npz')
    with open(text, 'w') as f:
        f.write('hello world, not a zip file at all')
    with pytest.raises(ValueError, match='truncated or corrupt'):
        serializers.load_npz(text, models.MLP())
    with pytest.raises(FileNotFoundError):
        serializers.load_npz(str(tmp_path / 'missing.npz'), models.MLP())


def test_pickled_objects_are_refused_not_run(tmp_path, models):
    marker = tmp_path / 'pwned'

    class Evil(object):
        def __reduce__(self):
            return os.makedirs, (str(marker),)

    evil = numpy.empty((), dtype=object)
    evil[()] = Evil()
    dst = models.MLP(9)
    path = str(tmp_path / 'evil.npz')
    numpy.savez(path, **{'l1/N': evil})
    with pytest.raises(ValueError, match='l1/N.*pickled'):
        serializers.load_npz(path, dst, strict=False)
    assert not marker.exists()


def test_ignore_names(tmp_path, saved, models):
    src, path = saved
    bad = _rewrite(path, str(tmp_path / 'bad.npz'), replace={
        'predictor/l2/W': numpy.zeros((9, 9), 'f')})
    for ignore in ('predictor/l2/W', lambda k: k.endswith('l2/W'),
                   ['other', lambda k: k == 'predictor/l2/W']):
        dst = models.Classifier(9)
        w = dst.predictor.l2.W.array.copy()
        with numpy.load(bad) as f:
            serializers.NpzDeserializer(f, ignore_names=ignore).load(dst)
        numpy.testing.assert_array_equal(dst.predictor.l2.W.array, w)
        numpy.testing.assert_array_equal(dst.predictor.l1.W.array,
                                         src.predictor.l1.W.array)
    with numpy.load(bad) as f:
        with pytest.raises(ValueError, match='ignore_names'):
            serializers.NpzDeserializer(f, ignore_names=[3]).load(
                models.Classifier())


def test_path_prefix_on_deserializer(saved, models):
    src, path = saved
    with numpy.load(path) as f:
        d = serializers.NpzDeserializer(f, path='predictor/')
        assert d['l1'].path == 'predictor/l1/'
        dst = models.MLP(9)
        d.load(dst)
    numpy.testing.assert_array_equal(dst.l2.W.array, src.predictor.l2.W.array)
    with numpy.load(path) as f:
        with pytest.raises(KeyError, match='wrong/l1/W'):
            serializers.NpzDeserializer(f, path='wrong/').load(
                models.MLP(9))


def test_uninitialized_params_saved_as_none_and_created_on_load(
        tmp_path, models):
    lazy = models.Classifier(1, lazy=True)
    path = str(tmp_path / 'lazy.npz')
    serializers.save_npz(path, lazy)
    with numpy.load(path, allow_pickle=True) as f:
        entry = f['predictor/l1/W']
        assert entry.dtype == object and entry.shape == () and \
            entry[()] is None
    other = models.Classifier(2, lazy=True)
    serializers.load_npz(path, other)
    assert other.predictor.l1.W.array is None
    # A file with data initializes the lazy parameter with its shape.
    full = models.Classifier(3)
    serializers.save_npz(path, full)
    serializers.load_npz(path, other)
    assert other.predictor.l1.W.shape == (4, 3)
    numpy.testing.assert_array_equal(other.predictor.l1.W.array,
                                     full.predictor.l1.W.array)
    assert other.predictor.l1.W.dtype == numpy.float32


def test_none_into_initialized_param_keeps_it(tmp_path, models):
    lazy = models.Classifier(1, lazy=True)
    path = str(tmp_path / 'lazy.npz')
    serializers.save_npz(path, lazy)
    dst = models.Classifier(2)
    w = dst.predictor.l1.W.array.copy()
    serializers.load_npz(path, dst)
    numpy.testing.assert_array_equal(dst.predictor.l1.W.array, w)


def test_saving_an_object_value_is_refused(tmp_path):
    link = chainer.Link()
    link.add_persistent('table', {'a': 1})
    path = tmp_path / 'obj.npz'
    with pytest.raises(TypeError, match='table'):
        serializers.save_npz(str(path), link)
    assert os.listdir(str(tmp_path)) == []
