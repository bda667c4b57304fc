import numpy
import pytest

from chainer import serializers
from chainer import testing
from chainer import training
from chainer.training import extensions


def _run(ext, reports, trainer=None):
    trainer = trainer or testing.get_trainer_with_mock_updater(
        iter_per_epoch=2)
    results = []
    for correct, total in reports:
        trainer.updater.update()
        trainer.observation = {'main/correct': correct, 'main/total': total}
        ext(trainer)
        results.append(trainer.observation.get('main/accuracy'))
    return results, trainer


def test_micro_average_per_interval():
    ext = extensions.MicroAverage('main/correct', 'main/total',
                                  'main/accuracy')
    assert ext.priority == training.PRIORITY_EDITOR
    results, _ = _run(ext, [(1, 2), (6, 8), (0, 1), (3, 3)])
    # (1 + 6) / (2 + 8), then (0 + 3) / (1 + 3).
    assert results == [None, pytest.approx(0.7), None, pytest.approx(0.75)]


def test_missing_keys_are_skipped():
    ext = extensions.MicroAverage('a', 'b', 'c')
    trainer = testing.get_trainer_with_mock_updater()
    trainer.observation = {'a': 1}
    ext(trainer)
    assert trainer.observation == {'a': 1}


def test_serialize(tmp_path):
    ext = extensions.MicroAverage('main/correct', 'main/total',
                                  'main/accuracy')
    _, trainer = _run(ext, [(1, 2)])
    path = str(tmp_path / 'm.npz')
    serializers.save_npz(path, ext)
    restored = extensions.MicroAverage('main/correct', 'main/total',
                                       'main/accuracy')
    serializers.load_npz(path, restored)
    results, _ = _run(restored, [(2, 2)], trainer)
    assert results == [pytest.approx(0.75)]


def test_v5_snapshot_layout_and_resume():
    # v5 saves only the running sums; its interval trigger starts afresh
    # after a resume, so here (3 iterations per interval, resumed at
    # iteration 4) the first call after the resume (iteration 5) ends an
    # interval, and so does iteration 6.
    ext = extensions.MicroAverage('main/correct', 'main/total',
                                  'main/accuracy', trigger=(3, 'iteration'))
    target = {}
    ext.serialize(serializers.DictionarySerializer(target))
    assert set(target) == {'_numerator', '_denominator'}

    serializers.NpzDeserializer({
        '_numerator': numpy.array(1), '_denominator': numpy.array(2),
    }).load(ext)
    trainer = testing.get_trainer_with_mock_updater(iter_per_epoch=10)
    for _ in range(4):
        trainer.updater.update()
    results, _ = _run(ext, [(3, 4), (1, 1)], trainer)
    assert results == [pytest.approx(4 / 6.), pytest.approx(1.0)]
