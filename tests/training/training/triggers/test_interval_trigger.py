import pytest

from chainer import serializers
from chainer import testing
from chainer.training import triggers


def _fire_pattern(trigger, n, iter_per_epoch=4, trainer=None):
    trainer = trainer or testing.get_trainer_with_mock_updater(
        iter_per_epoch=iter_per_epoch)
    fired = []
    for _ in range(n):
        trainer.updater.update()
        fired.append(trigger(trainer))
    return fired


@pytest.mark.parametrize('period,unit,expected', [
    (3, 'iteration', [False, False, True, False, False, True, False, False]),
    (1, 'epoch', [False, False, False, True, False, False, False, True]),
    (0.5, 'epoch', [False, True] * 4),
    (1.5, 'epoch', [False, False, False, False, False, True, False, False]),
])
def test_fire_pattern(period, unit, expected):
    trigger = triggers.IntervalTrigger(period, unit)
    assert _fire_pattern(trigger, 8) == expected
    assert trigger.get_training_length() == (period, unit)


def test_invalid_unit():
    with pytest.raises(ValueError):
        triggers.IntervalTrigger(1, 'second')


def test_resume_keeps_pattern(tmp_path):
    trainer = testing.get_trainer_with_mock_updater(iter_per_epoch=4)
    trigger = triggers.IntervalTrigger(3, 'iteration')
    first = _fire_pattern(trigger, 4, trainer=trainer)
    path = str(tmp_path / 't.npz')
    serializers.save_npz(path, trigger)
    restored = triggers.IntervalTrigger(3, 'iteration')
    serializers.load_npz(path, restored)
    rest = _fire_pattern(restored, 4, trainer=trainer)
    assert first + rest == [False, False, True, False, False, True, False,
                            False]


def test_old_snapshot_without_previous_values():
    trainer = testing.get_trainer_with_mock_updater(iter_per_epoch=4)
    for _ in range(5):
        trainer.updater.update()
    trigger = triggers.IntervalTrigger(1, 'epoch')
    with pytest.warns(UserWarning):
        serializers.NpzDeserializer({}).load(trigger)
    assert _fire_pattern(trigger, 3, trainer=trainer) == [False, False, True]


def test_get_trigger():
    from chainer import training
    trigger = training.get_trigger((2, 'epoch'))
    assert isinstance(trigger, triggers.IntervalTrigger)
    assert (trigger.period, trigger.unit) == (2, 'epoch')

    def custom(trainer):
        return True
    assert training.get_trigger(custom) is custom
    never = training.get_trigger(None)
    assert never(None) is False
