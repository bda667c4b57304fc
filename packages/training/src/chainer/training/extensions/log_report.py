"""Extension that aggregates observations and writes them as JSON."""
import json
import os
import shutil
import tempfile
import warnings

from chainer import reporter
from chainer import serializer as serializer_module
from chainer.training import extension
from chainer.training import util


def write_atomically(directory, name, write):
    """Writes ``directory/name`` through a temporary file and a rename.

    ``write(path)`` writes the temporary file; readers of the target never
    see a partial file.
    """
    target = os.path.join(directory, name)
    parent = os.path.dirname(os.path.abspath(target))
    os.makedirs(parent, exist_ok=True)
    tmpdir = tempfile.mkdtemp(prefix='tmp' + os.path.basename(name),
                              dir=parent)
    try:
        tmppath = os.path.join(tmpdir, os.path.basename(name))
        write(tmppath)
        os.replace(tmppath, target)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


class LogReport(extension.Extension):

    """Trainer extension to output the accumulated results to a log file.

    At every call it adds the trainer's observation to a
    :class:`~chainer.DictSummary`. When ``trigger`` fires it appends the
    means, with ``epoch``, ``iteration`` and ``elapsed_time``, to
    :attr:`log`, writes the whole log as JSON to ``out/log_name`` and
    starts a new summary.

    Args:
        keys (iterable of str): Keys to accumulate; all by default.
        trigger: When to emit a log entry, e.g. ``(1, 'epoch')``.
        postprocess: Called with each new entry (a dict) before it is
            stored; it may modify it.
        log_name (str): File name under the output directory. It is
            formatted with the entry (``'log_{iteration}'``). ``None``
            writes no file.
    """

    def __init__(self, keys=None, trigger=(1, 'epoch'), postprocess=None,
                 log_name='log'):
        self._keys = keys
        self._trigger = util.get_trigger(trigger)
        self._postprocess = postprocess
        self._log_name = log_name
        self._log = []
        self._summary = reporter.DictSummary()

    def __call__(self, trainer):
        observation = trainer.observation
        if self._keys is None:
            self._summary.add(observation)
        else:
            self._summary.add({k: observation[k] for k in self._keys
                               if k in observation})
        if not self._trigger(trainer):
            return

        entry = {name: float(value)  # also copies GPU values to the host
                 for name, value in self._summary.compute_mean().items()}
        updater = trainer.updater
        entry['epoch'] = updater.epoch
        entry['iteration'] = updater.iteration
        entry['elapsed_time'] = trainer.elapsed_time
        if self._postprocess is not None:
            self._postprocess(entry)
        self._log.append(entry)

        if self._log_name is not None:
            log = self._log

            def write(path):
                with open(path, 'w') as f:
                    json.dump(log, f, indent=4)
            write_atomically(trainer.out, self._log_name.format(**entry),
                             write)
        self._summary = reporter.DictSummary()

    @property
    def log(self):
        """The list of emitted entries (dicts)."""
        return self._log

    def serialize(self, serializer):
        """Saves or loads the trigger, the current summary and the log."""
        if hasattr(self._trigger, 'serialize'):
            self._trigger.serialize(serializer['_trigger'])
        try:
            self._summary.serialize(serializer['_summary'])
        except KeyError:
            warnings.warn('The statistics are not saved.')
        # The log goes as one JSON string.
        if isinstance(serializer, serializer_module.Serializer):
            serializer('_log', json.dumps(self._log))
        else:
            log = serializer('_log', json.dumps(self._log))
            self._log = json.loads(log)
