import pytest

from chainer import serializers
from chainer import testing
from chainer.training import triggers


def _run(trigger, values, trainer=None):
    # One value reported per iteration; intervals of 2 iterations.
    trainer = trainer or testing.get_trainer_with_mock_updater(
        iter_per_epoch=2)
    fired = []
    for v in values:
        trainer.updater.update()
        trainer.observation = {} if v is None else {'key': v}
        fired.append(trigger(trainer))
    return fired, trainer


def test_max_value_trigger_uses_interval_means():
    trigger = triggers.MaxValueTrigger('key', trigger=(2, 'iteration'))
    # Means per interval: 2, 1.5, 3, 3.
    fired, _ = _run(trigger, [1, 3, 1, 2, 4, 2, 3, 3])
    assert fired == [False, True, False, False, False, True, False, False]


def test_min_value_trigger():
    trigger = triggers.MinValueTrigger('key', trigger=(1, 'epoch'))
    fired, _ = _run(trigger, [3, 3, 2, 2, 2.5, 2.5, 1, 1])
    assert fired == [False, True, False, True, False, False, False, True]


def test_missing_key_does_not_fire():
    trigger = triggers.MinValueTrigger('key', trigger=(1, 'iteration'))
    fired, _ = _run(trigger, [None, 1.0])
    assert fired == [False, True]


def test_best_value_trigger_custom_compare():
    trigger = triggers.BestValueTrigger(
        'key', lambda best, new: abs(new) < abs(best), (1, 'iteration'))
    fired, _ = _run(trigger, [-3, 2, -2, 1])
    assert fired == [True, True, False, True]


def test_serialize(tmp_path):
    trigger = triggers.MaxValueTrigger('key', trigger=(2, 'iteration'))
    first, trainer = _run(trigger, [1, 3, 5])
    path = str(tmp_path / 't.npz')
    serializers.save_npz(path, trigger)
    restored = triggers.MaxValueTrigger('key', trigger=(2, 'iteration'))
    serializers.load_npz(path, restored)
    # The half-filled interval (5) and the best mean (2) are restored.
    rest, _ = _run(restored, [0, 0, 0], trainer)
    assert first + rest == [False, True, False, True, False, False]
    assert restored._best_value == pytest.approx(2.5)


def test_loads_v5_snapshot_without_its_state():
    # v5's BestValueTrigger saves nothing: loading a v5 trainer snapshot
    # leaves it new. Its fresh interval trigger then fires at the first
    # call after the resume, with the mean of that iteration alone.
    trigger = triggers.MinValueTrigger('key', trigger=(2, 'iteration'))
    serializers.NpzDeserializer({}).load(trigger)
    trainer = testing.get_trainer_with_mock_updater(iter_per_epoch=2)
    trainer.updater.update()
    trainer.updater.update()
    # Iterations 3 to 6: the intervals end at 3 (fresh trigger), 4 and 6.
    fired, _ = _run(trigger, [5.0, 4.0, 6.0, 6.0], trainer)
    assert fired == [True, True, False, False]
    assert trigger._best_value == 4.0
