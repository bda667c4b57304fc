"""A Trainer whose updater is a mock, for testing extensions and triggers."""
from unittest import mock


def get_trainer_with_mock_updater(stop_trigger=(10, 'iteration'),
                                  iter_per_epoch=10):
    """Returns a :class:`~chainer.training.Trainer` with a mock updater.

    Each ``updater.update()`` call advances ``iteration`` by one and sets
    ``epoch``, ``epoch_detail``, ``previous_epoch_detail`` and
    ``is_new_epoch`` as if an epoch had ``iter_per_epoch`` iterations. The
    updater also calls the mock method ``update_core`` and reports no
    optimizers.

    Args:
        stop_trigger: The trainer's stop trigger.
        iter_per_epoch (int): Number of iterations per epoch.
    """
    # chainer.training ships in the chainer-training distribution.
    from chainer import training

    updater = mock.Mock()
    updater.get_all_optimizers.return_value = {}
    updater.iteration = 0
    updater.epoch = 0
    updater.epoch_detail = 0
    updater.is_new_epoch = True
    updater.previous_epoch_detail = None

    def update():
        updater.update_core()
        updater.iteration += 1
        updater.epoch = updater.iteration // iter_per_epoch
        updater.epoch_detail = updater.iteration / iter_per_epoch
        updater.is_new_epoch = (
            (updater.iteration - 1) // iter_per_epoch != updater.epoch)
        updater.previous_epoch_detail = (
            (updater.iteration - 1) / iter_per_epoch)

    updater.update = update
    return training.Trainer(updater, stop_trigger)
