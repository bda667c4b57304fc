"""Interface of updaters."""


class Updater(object):

    """Interface of updater objects for trainers.

    An updater implements one training iteration in :meth:`update`:
    typically it takes a batch from an iterator, runs forward and backward
    computations and lets an optimizer update the parameters. It also tells
    the trainer's triggers the progress through ``iteration``, ``epoch``,
    ``epoch_detail``, ``previous_epoch_detail`` and ``is_new_epoch``.
    """

    def connect_trainer(self, trainer):
        """Called at the end of the trainer's initialization.

        Updaters may register more observers to ``trainer.reporter`` here.
        It does nothing by default.

        Args:
            trainer (~chainer.training.Trainer): The trainer.
        """
        pass

    def finalize(self):
        """Called at the end of training; finalizes the iterators."""
        pass

    def get_optimizer(self, name):
        """Returns the optimizer of the given name."""
        raise NotImplementedError

    def get_all_optimizers(self):
        """Returns a dictionary mapping names to optimizers."""
        raise NotImplementedError

    def update(self):
        """Runs one training iteration (called by the trainer)."""
        raise NotImplementedError

    def serialize(self, serializer):
        """Saves or loads the state of the updater."""
        raise NotImplementedError
