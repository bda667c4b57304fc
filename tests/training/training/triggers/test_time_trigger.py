from unittest import mock

from chainer import serializers
from chainer.training import triggers


def test_fires_after_each_period(tmp_path):
    trainer = mock.Mock()
    trigger = triggers.TimeTrigger(1.0)
    fired = []
    for t in [0.5, 1.1, 1.5, 2.2, 4.0, 4.1]:
        trainer.elapsed_time = t
        fired.append(trigger(trainer))
    assert fired == [False, True, False, True, True, True]

    path = str(tmp_path / 't.npz')
    serializers.save_npz(path, trigger)
    restored = triggers.TimeTrigger(1.0)
    serializers.load_npz(path, restored)
    trainer.elapsed_time = 4.5
    assert not restored(trainer)
    trainer.elapsed_time = 5.1
    assert restored(trainer)
