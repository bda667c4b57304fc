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
