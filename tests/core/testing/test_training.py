import sys
import types

import pytest

import chainer
from chainer import testing


class _FakeTrainer(object):

    def __init__(self, updater, stop_trigger):
        self.updater = updater
        self.stop_trigger = stop_trigger


@pytest.fixture
def fake_training(monkeypatch):
    # Tests the mock updater without the chainer-training distribution.
    module = types.ModuleType('chainer.training')
    module.Trainer = _FakeTrainer
    monkeypatch.setitem(sys.modules, 'chainer.training', module)
    monkeypatch.setattr(chainer, 'training', module, raising=False)


def test_mock_updater_counts(fake_training):
    trainer = testing.get_trainer_with_mock_updater(
        stop_trigger=(5, 'epoch'), iter_per_epoch=3)
    assert trainer.stop_trigger == (5, 'epoch')
    updater = trainer.updater
    assert updater.get_all_optimizers() == {}
    assert (updater.iteration, updater.epoch, updater.is_new_epoch) == (
        0, 0, True)
    assert updater.previous_epoch_detail is None
    seen = []
    for _ in range(7):
        updater.update()
        seen.append((updater.iteration, updater.epoch, updater.epoch_detail,
                     updater.previous_epoch_detail, updater.is_new_epoch))
    assert seen[0] == (1, 0, 1 / 3, 0.0, False)
    assert seen[2] == (3, 1, 1.0, 2 / 3, True)
    assert seen[3] == (4, 1, 4 / 3, 1.0, False)
    assert seen[5] == (6, 2, 2.0, 5 / 3, True)
    assert updater.update_core.call_count == 7


def test_defaults(fake_training):
    trainer = testing.get_trainer_with_mock_updater()
    assert trainer.stop_trigger == (10, 'iteration')
    for _ in range(10):
        trainer.updater.update()
    assert trainer.updater.epoch == 1
    assert trainer.updater.is_new_epoch


def test_with_real_trainer():
    training = pytest.importorskip('chainer.training')
    trainer = testing.get_trainer_with_mock_updater((4, 'iteration'))
    assert isinstance(trainer, training.Trainer)
    trainer.run()
    assert trainer.updater.iteration == 4
