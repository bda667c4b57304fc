import warnings

import pytest

from chainer import serializers
from chainer import testing
from chainer.training import triggers


def _run(trigger, values, key='main/loss', trainer=None):
    trainer = trainer or testing.get_trainer_with_mock_updater(
        iter_per_epoch=1)
    stops = []
    for v in values:
        trainer.updater.update()
        trainer.observation = {key: v}
        stops.append(trigger(trainer))
    return stops, trainer


def test_stops_after_patience_without_improvement():
    trigger = triggers.EarlyStoppingTrigger(patience=2)
    stops, _ = _run(trigger, [3.0, 2.0, 2.5, 2.1, 1.0])
    assert stops == [False, False, False, True, False]


def test_auto_mode_maximizes_accuracy():
    trigger = triggers.EarlyStoppingTrigger(monitor='main/accuracy',
                                            patience=1)
    stops, _ = _run(trigger, [0.5, 0.7, 0.6], key='main/accuracy')
    assert stops == [False, False, True]


def test_patients_is_the_old_name():
    trigger = triggers.EarlyStoppingTrigger(patients=1)
    assert trigger.patience == trigger.patients == 1
    with pytest.raises(TypeError):
        triggers.EarlyStoppingTrigger(patience=1, patients=2)


def test_max_trigger_and_training_length():
    trigger = triggers.EarlyStoppingTrigger(max_trigger=(3, 'iteration'))
    stops, _ = _run(trigger, [3.0, 2.0, 1.0])
    assert stops == [False, False, True]
    assert trigger.get_training_length() == (3, 'iteration')


def test_missing_monitor_warns_once():
    trigger = triggers.EarlyStoppingTrigger(monitor='validation/main/loss')
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        stops, _ = _run(trigger, [1.0, 1.0, 1.0])
    assert stops == [False] * 3
    assert len(w) == 1


def test_invalid_mode():
    with pytest.raises(ValueError):
        triggers.EarlyStoppingTrigger(mode='best')


def test_serialize(tmp_path):
    trigger = triggers.EarlyStoppingTrigger(patience=2)
    _, trainer = _run(trigger, [1.0, 2.0])
    path = str(tmp_path / 't.npz')
    serializers.save_npz(path, trigger)
    restored = triggers.EarlyStoppingTrigger(patience=2)
    serializers.load_npz(path, restored)
    assert restored.best == 1.0 and restored.count == 1
    stops, _ = _run(restored, [3.0], trainer=trainer)
    assert stops == [True]


def test_loads_v5_snapshot_without_its_state():
    # v5's EarlyStoppingTrigger saves nothing; after loading a v5 snapshot
    # it starts afresh, its check trigger included, so the first check
    # comes at the first call after the resume.
    trigger = triggers.EarlyStoppingTrigger(
        check_trigger=(2, 'iteration'), patients=1)
    with pytest.warns(UserWarning):
        serializers.NpzDeserializer({}).load(trigger)
    trainer = testing.get_trainer_with_mock_updater(iter_per_epoch=1)
    trainer.updater.update()
    trainer.updater.update()
    stops, _ = _run(trigger, [1.0], trainer=trainer)
    assert stops == [False]
    assert trigger.best == 1.0
