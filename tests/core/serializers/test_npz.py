"""npz format: key layout, round trips, files written by v5 user scripts."""
import io
import zipfile

import numpy
import pytest

import chainer
from chainer import serializers


def _v5_model_dict(models, seed=7):
    # What v5's save_npz(path, Classifier(...)) writes: one entry per
    # parameter and persistent, keyed by path without the leading slash.
    src = models.Classifier(seed)
    d = {}
    for path, link in src.namedlinks():
        prefix = path.strip('/')
        for name in link._params:
            d[prefix + '/' + name] = getattr(link, name).array
        for name in link._persistent:
            d[prefix + '/' + name] = numpy.asarray(getattr(link, name))
    return src, d


MODEL_KEYS = sorted(
    'predictor/%s/%s' % (layer, name) for layer in ('l1', 'l2')
    for name in ('W', 'b', 'avg', 'N'))


def test_save_key_layout_matches_numpy_savez(tmp_path, models):
    model = models.Classifier(3)
    ours = str(tmp_path / 'ours.npz')
    serializers.save_npz(ours, model)
    target = {}
    serializers.DictionarySerializer(target).save(model)
    ref = str(tmp_path / 'ref.npz')
    numpy.savez_compressed(ref, **target)
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(ref) as b:
        assert sorted(a.namelist()) == sorted(b.namelist()) == sorted(
            k + '.npy' for k in MODEL_KEYS)
        for name in a.namelist():
            # Each member is byte-for-byte what numpy.save writes.
            assert a.read(name) == b.read(name), name
            assert a.getinfo(name).compress_type == zipfile.ZIP_DEFLATED
    with numpy.load(ours) as f:
        numpy.testing.assert_array_equal(f['predictor/l1/W'],
                                         model.predictor.l1.W.array)
        assert f['predictor/l2/N'].shape == () and f['predictor/l2/N'] == 4


def test_compression_flag(tmp_path, models):
    path = str(tmp_path / 'plain.npz')
    serializers.save_npz(path, models.MLP(), compression=False)
    with zipfile.ZipFile(path) as zf:
        assert {i.compress_type for i in zf.infolist()} == {
            zipfile.ZIP_STORED}


def test_load_file_written_by_v5_script(tmp_path, models):
    src, d = _v5_model_dict(models)
    path = str(tmp_path / 'v5.npz')
    numpy.savez(path, **d)
    dst = models.Classifier(0)
    serializers.load_npz(path, dst)
    models.assert_same_state(models.snapshot_of(dst), models.snapshot_of(src))
    assert type(dst.predictor.l1.N) is int and dst.predictor.l1.N == 7


@pytest.mark.parametrize('compression', [True, False])
def test_round_trip_bit_exact(tmp_path, models, compression):
    src, dst = models.Classifier(1), models.Classifier(2)
    src.predictor.l1.W.array[0, 0] = numpy.float32(1e-38) / 3  # subnormal
    src.predictor.l2.b.array[0] = numpy.nan
    path = str(tmp_path / 'm.npz')
    serializers.save_npz(path, src, compression=compression)
    w = dst.predictor.l1.W.array
    serializers.load_npz(path, dst)
    assert dst.predictor.l1.W.array is w  # filled in place
    for a, b in zip(src.params(), dst.params()):
        assert a.array.tobytes() == b.array.tobytes()
    models.assert_same_state(models.snapshot_of(dst), models.snapshot_of(src))


def test_file_like_objects(models):
    src, dst = models.MLP(1), models.MLP(2)
    buf = io.BytesIO()
    serializers.save_npz(buf, src)
    buf.seek(0)
    serializers.load_npz(buf, dst)
    models.assert_same_state(models.snapshot_of(dst), models.snapshot_of(src))


def test_pathlib_paths(tmp_path, models):
    src, dst = models.MLP(1), models.MLP(2)
    serializers.save_npz(tmp_path / 'p.npz', src)
    serializers.load_npz(tmp_path / 'p.npz', dst)
    models.assert_same_state(models.snapshot_of(dst), models.snapshot_of(src))
    as_bytes = str(tmp_path / 'b.npz').encode()
    serializers.save_npz(as_bytes, models.MLP(3))
    serializers.load_npz(as_bytes, dst)
    models.assert_same_state(models.snapshot_of(dst),
                             models.snapshot_of(models.MLP(3)))


def test_trainer_snapshot_layout_and_path(tmp_path, models):
    model = models.Classifier(1)
    trainer = models.Trainer(models.Updater(model, models.Optimizer(model)))
    path = str(tmp_path / 'snapshot_iter_100')
    serializers.save_npz(path, trainer)
    with numpy.load(path) as f:
        keys = sorted(f.files)
    opt = 'updater/optimizer:main/'
    expected = sorted(
        ['updater/iteration', opt + 't', opt + 'epoch'] +
        ['updater/model:main/' + k for k in MODEL_KEYS] +
        [opt + 'predictor/%s/%s/%s' % (layer, p, s)
         for layer in ('l1', 'l2') for p in ('W', 'b') for s in ('m', 'v')])
    assert keys == expected
    # v5 idiom: load only the model out of a trainer snapshot.
    other = models.Classifier(5)
    serializers.load_npz(path, other, path='updater/model:main/')
    models.assert_same_state(models.snapshot_of(other),
                             models.snapshot_of(model))
    # And the whole trainer into a fresh one.
    model2 = models.Classifier(4)
    opt2 = models.Optimizer(model2, seed=3)
    trainer2 = models.Trainer(models.Updater(model2, opt2))
    trainer2.updater.iteration = 0
    serializers.load_npz(path, trainer2)
    assert (opt2.t, opt2.epoch, trainer2.updater.iteration) == (10, 2, 100)
    for key, rule in opt2.rules.items():
        numpy.testing.assert_array_equal(
            rule.state['m'], trainer.updater.optimizer.rules[key].state['m'])


def test_load_snapshot_built_with_numpy(tmp_path, models):
    src, d = _v5_model_dict(models, seed=2)
    d = {'updater/model:main/' + k: v for k, v in d.items()}
    d['updater/iteration'] = numpy.asarray(5)
    path = str(tmp_path / 'snap.npz')
    numpy.savez(path, **d)
    dst = models.Classifier(0)
    serializers.load_npz(path, dst, path='updater/model:main/')
    models.assert_same_state(models.snapshot_of(dst), models.snapshot_of(src))


def test_cross_dtype_load(tmp_path, models):
    src, d = _v5_model_dict(models)
    d = {k: (v.astype(numpy.float64) if v.dtype.kind == 'f' else v)
         for k, v in d.items()}
    d['predictor/l1/N'] = numpy.asarray(3, dtype=numpy.int32)
    path = str(tmp_path / 'f64.npz')
    numpy.savez(path, **d)
    dst = models.Classifier(0)
    serializers.load_npz(path, dst)
    assert dst.predictor.l1.W.dtype == numpy.float32
    numpy.testing.assert_array_equal(
        dst.predictor.l1.W.array, d['predictor/l1/W'].astype(numpy.float32))
    assert dst.predictor.l1.N == 3 and type(dst.predictor.l1.N) is int


def test_float16_and_float64_params_round_trip(tmp_path):
    link = chainer.Link()
    with link.init_scope():
        link.h = chainer.Parameter(numpy.array([1.5, -2.25], numpy.float16))
        link.d = chainer.Parameter(numpy.array([1 / 3.], numpy.float64))
    path = str(tmp_path / 'mixed.npz')
    serializers.save_npz(path, link)
    other = chainer.Link()
    with other.init_scope():
        other.h = chainer.Parameter(numpy.zeros(2, numpy.float16))
        other.d = chainer.Parameter(numpy.zeros(1, numpy.float64))
    serializers.load_npz(path, other)
    assert other.h.array.tobytes() == link.h.array.tobytes()
    assert other.d.array.tobytes() == link.d.array.tobytes()


def test_scalars_strings_and_bools(tmp_path):
    link = chainer.Link()
    link.add_persistent('i', 3)
    link.add_persistent('f', 0.25)
    link.add_persistent('flag', True)
    link.add_persistent('text', '{"log": [1, 2]}')
    link.add_persistent('np_f', numpy.float32(1.5))
    path = str(tmp_path / 's.npz')
    serializers.save_npz(path, link)
    other = chainer.Link()
    other.add_persistent('i', 0)
    other.add_persistent('f', 0.)
    other.add_persistent('flag', False)
    other.add_persistent('text', '')
    other.add_persistent('np_f', numpy.float32(0))
    serializers.load_npz(path, other)
    assert (other.i, other.f, other.flag, other.text) == (
        3, 0.25, True, '{"log": [1, 2]}')
    assert type(other.i) is int and type(other.flag) is bool
    assert type(other.np_f) is numpy.float32 and other.np_f == 1.5


def test_dictionary_serializer():
    target = {}
    s = serializers.DictionarySerializer(target, path='root/')
    value = numpy.arange(3)
    assert s('/x', value) is value
    child = s['/child/']
    assert child.path == 'root/child/'
    child('y', 2.5)
    assert sorted(target) == ['root/child/y', 'root/x']
    assert target['root/child/y'].shape == () and \
        target['root/child/y'].dtype == numpy.float64
    assert serializers.DictionarySerializer().target == {}


def test_npz_deserializer_on_a_dict(models):
    src, d = _v5_model_dict(models, seed=5)
    dst = models.Classifier(0)
    serializers.NpzDeserializer(d).load(dst)
    models.assert_same_state(models.snapshot_of(dst), models.snapshot_of(src))
    assert serializers.NpzDeserializer(d)['predictor'].path == 'predictor/'
