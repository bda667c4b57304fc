import pytest

from chainer import training


def test_updater_interface():
    updater = training.Updater()
    updater.connect_trainer(None)
    updater.finalize()
    for call in (lambda: updater.get_optimizer('main'),
                 updater.get_all_optimizers, updater.update,
                 lambda: updater.serialize(None)):
        with pytest.raises(NotImplementedError):
            call()


def test_compat_module():
    from chainer.training import updater
    assert updater.StandardUpdater is training.StandardUpdater
    assert updater.ParallelUpdater is training.ParallelUpdater
    assert updater.Updater is training.Updater
