import numpy
import pytest

from chainer import serializers
from chainer import testing
from chainer.training import triggers


def _run(trigger, n, trainer=None):
    trainer = trainer or testing.get_trainer_with_mock_updater(
        iter_per_epoch=4)
    fired = []
    for _ in range(n):
        trainer.updater.update()
        fired.append(trigger(trainer))
    return fired, trainer


def test_iteration_points():
    trigger = triggers.ManualScheduleTrigger([2, 5], 'iteration')
    fired, _ = _run(trigger, 6)
    assert fired == [False, True, False, False, True, False]
    assert trigger.finished


def test_fractional_epoch_points():
    trigger = triggers.ManualScheduleTrigger([0.5, 1.25], 'epoch')
    fired, _ = _run(trigger, 6)
    assert fired == [False, True, False, False, True, False]


def test_single_point_and_not_finished():
    trigger = triggers.ManualScheduleTrigger(3, 'iteration')
    fired, _ = _run(trigger, 2)
    assert fired == [False, False] and not trigger.finished


def test_serialize(tmp_path):
    trigger = triggers.ManualScheduleTrigger([3, 6], 'iteration')
    first, trainer = _run(trigger, 4)
    path = str(tmp_path / 't.npz')
    serializers.save_npz(path, trigger)
    restored = triggers.ManualScheduleTrigger([3, 6], 'iteration')
    serializers.load_npz(path, restored)
    rest, _ = _run(restored, 3, trainer)
    assert first + rest == [False, False, True, False, False, True, False]


def test_invalid_unit():
    with pytest.raises(ValueError):
        triggers.ManualScheduleTrigger([1], 'hour')


def test_loads_snapshot_without_finished():
    # Early v5 releases save only the previous values, not ``finished``.
    trigger = triggers.ManualScheduleTrigger([3, 6], 'iteration')
    serializers.NpzDeserializer({
        'previous_iteration': numpy.array(4),
        'previous_epoch_detail': numpy.array(1.0)}).load(trigger)
    assert not trigger.finished
    trainer = testing.get_trainer_with_mock_updater(iter_per_epoch=4)
    for _ in range(4):
        trainer.updater.update()
    fired, _ = _run(trigger, 3, trainer)
    assert fired == [False, True, False]
    assert trigger.finished


def test_finished_only_by_firing():
    # v5 marks the trigger finished when it fires at or past its last
    # point; passing the point without firing (here the saved previous
    # iteration is already past it) leaves it unfinished.
    trigger = triggers.ManualScheduleTrigger(2, 'iteration')
    serializers.NpzDeserializer({
        'finished': numpy.array(False),
        'previous_iteration': numpy.array(3),
        'previous_epoch_detail': numpy.array(0.75)}).load(trigger)
    trainer = testing.get_trainer_with_mock_updater(iter_per_epoch=4)
    for _ in range(3):
        trainer.updater.update()
    fired, _ = _run(trigger, 1, trainer)
    assert fired == [False]
    assert not trigger.finished
