"""Extensions that save the trainer or another object to a file."""
from chainer.serializers import npz
from chainer.training import extension
from chainer.training.extensions import log_report


def _snapshot_object(trainer, target, filename, savefun):
    # The temporary file is renamed only when complete: a crash while
    # saving never leaves a truncated snapshot under the final name.
    # v5 formats the name twice (in the extension and again here), so
    # doubled braces ('{{.updater.iteration}}') are still replaced.
    name = filename.format(trainer).format(trainer)
    log_report.write_atomically(trainer.out, name,
                                lambda path: savefun(path, target))


def snapshot_object(target, filename, savefun=npz.save_npz):
    """Returns a trainer extension that saves an object to a file.

    The file is written under the trainer's output directory, once per
    epoch by default (pass another trigger to ``Trainer.extend``), with
    priority -100 so it runs after the other extensions.

    Args:
        target: Object to save (a Link, an Optimizer, ...).
        filename (str): File name; formatted with the trainer, so
            ``'model_{.updater.iteration}'`` gives ``'model_1000'`` at
            iteration 1000.
        savefun: Called as ``savefun(path, target)`` to write the file;
            :func:`~chainer.serializers.save_npz` by default.

    Returns:
        An extension function.
    """
    @extension.make_extension(trigger=(1, 'epoch'), priority=-100)
    def snapshot_object(trainer):
        _snapshot_object(trainer, target, filename, savefun)

    return snapshot_object


def snapshot(savefun=npz.save_npz,
             filename='snapshot_iter_{.updater.iteration}'):
    """Returns a trainer extension that saves the whole trainer.

    Loading the file into a trainer built the same way (for example with
    :func:`~chainer.serializers.load_npz`) resumes the training: the
    models, optimizers, iterator positions, extension states and elapsed
    time are restored. It runs once per epoch by default, with priority
    -100. The file is first written to a temporary file in the output
    directory and then renamed.

    Args:
        savefun: Called as ``savefun(path, trainer)``;
            :func:`~chainer.serializers.save_npz` by default.
        filename (str): File name, formatted with the trainer.

    Returns:
        An extension function.
    """
    @extension.make_extension(trigger=(1, 'epoch'), priority=-100)
    def snapshot(trainer):
        _snapshot_object(trainer, trainer, filename, savefun)

    return snapshot
