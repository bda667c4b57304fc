"""Extension that stops training when parameters diverge."""
from chainer import backend
from chainer.training import extension


class FailOnNonNumber(extension.Extension):

    """Trainer extension to raise RuntimeError if parameters diverge.

    It checks that no parameter contains NaN or Inf. The trainer would
    otherwise go on computing with diverged parameters;
    this extension stops it early.
    """

    def __call__(self, trainer):
        for name, optimizer in trainer.updater.get_all_optimizers().items():
            for param in optimizer.target.params():
                array = param.array
                if array is None:  # not initialized yet
                    continue
                xp = backend.get_array_module(array)
                if not xp.isfinite(array).all():
                    raise RuntimeError(
                        "Kill the process since parameters in optimizer "
                        "'{}' diverge. R.I.P.".format(name))
