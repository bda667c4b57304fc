"""Generational per-rank snapshots that every rank can resume from."""
import os
import tempfile
import time

from chainer import serializers
from chainer.training import extension


def create_multi_node_checkpointer(name, comm, cp_interval=5,
                                   gc_interval=5, path=None):
    """Creates a checkpointer extension for multi-node training.

    Each rank writes ``<name>.<rank>.<iteration>`` (atomically: written to
    a temporary file, then renamed). Once a rank holds more than
    ``cp_interval + gc_interval`` snapshots, the ranks agree on the
    iterations that all of them hold and keep the latest ``cp_interval``
    of those. :meth:`maybe_load` resumes every rank from the latest
    iteration saved by all ranks.

    As in v5 the extension has the default trigger of an extension, every
    iteration: pass ``trigger=`` to ``trainer.extend``.

    Args:
        name (str): Snapshot name prefix.
        comm (CommunicatorBase): ChainerMN communicator.
        cp_interval (int): Snapshots kept.
        gc_interval (int): Snapshots taken between clean-ups.
        path (str): Directory; the trainer's ``out`` if ``None``.

    Returns:
        The checkpointer (a trainer extension).
    """
    from chainer import utils
    utils.experimental('chainermn.extensions.create_multi_node_checkpointer')
    return _MultiNodeCheckpointer(name, comm, cp_interval, gc_interval, path)


class _Stats(object):

    def __init__(self):
        self.durations = []
        self._begin = None

    def start(self):
        self._begin = time.time()

    def end(self):
        self.durations.append(time.time() - self._begin)

    def report(self):
        d = self.durations
        if not d:
            return 'No snapshot has been taken yet.'
        return ('Snapshot duration stats (sec): avg=%f, min=%f, max=%f'
                % (sum(d) / len(d), min(d), max(d)))


class _MultiNodeCheckpointer(extension.Extension):

    # v5 keeps Extension's defaults: trigger (1, 'iteration') and
    # PRIORITY_READER (after writers and editors, e.g. LogReport's
    # bookkeeping of this iteration, which the snapshot then includes).
    trigger = 1, 'iteration'
    priority = extension.PRIORITY_READER

    def __init__(self, name, comm, cp_interval, gc_interval, path):
        if not name:
            raise ValueError('a checkpointer needs a name')
        self.name = name
        self.comm = comm
        self.cp_interval = cp_interval
        self.gc_interval = gc_interval
        self.path = path
        self.files = []
        self.stats = _Stats()
        self._failed = False

    def __call__(self, trainer):
        # Must be triggered at the same iterations on every rank.
        self.save(trainer, trainer.updater.iteration)

    def _dir(self, target=None):
        if self.path is None:
            self.path = getattr(target, 'out', None) or os.getcwd()
        return self.path

    def _filename(self, iteration):
        return '%s.%d.%d' % (self.name, self.comm.rank, iteration)

    def save(self, target, iteration):
        """Writes a snapshot of ``target`` (a trainer or any serializable
        object) for ``iteration``; collective every ``gc_interval``."""
        directory = self._dir(target)
        os.makedirs(directory, exist_ok=True)
        filename = self._filename(iteration)
        self.stats.start()
        fd, tmp = tempfile.mkstemp(prefix='.' + filename + '.',
                                   dir=directory)
        try:
            with os.fdopen(fd, 'wb') as f:
                serializers.save_npz(f, target)
            os.replace(tmp, os.path.join(directory, filename))
        except BaseException:
            if os.path.exists(tmp):
                os.remove(tmp)
            raise
        self.stats.end()
        if filename not in self.files:
            self.files.append(filename)
        # v5 collects when more than cp_interval + 5 files exist (it
        # ignores gc_interval, whose default is 5).
        if len(self.files) - self.cp_interval > self.gc_interval:
            self._sync_file_list()

    def _local_iterations(self):
        prefix = '%s.%d.' % (self.name, self.comm.rank)
        found = []
        if self.path is None or not os.path.isdir(self.path):
            return found
        for f in os.listdir(self.path):
            tail = f[len(prefix):]
            if f.startswith(prefix) and tail.isdigit():
                found.append(int(tail))
        return sorted(found)

    def _common_iterations(self):
        """Iterations every rank has a snapshot of (collective)."""
        gathered = self.comm.gather_obj(self._local_iterations())
        common = None
        if self.comm.rank == 0:
            sets = [set(g) for g in gathered]
            common = sorted(set.intersection(*sets)) if sets else []
        return self.comm.bcast_obj(common)

    def _sync_file_list(self):
        keep = self._common_iterations()[-self.cp_interval:]
        oldest_kept = keep[0] if keep else None
        for it in self._local_iterations():
            if it not in keep and (oldest_kept is None or it < oldest_kept):
                self._remove(it)
        self.files = [self._filename(it) for it in self._local_iterations()]

    def _remove(self, iteration):
        try:
            os.remove(os.path.join(self.path, self._filename(iteration)))
        except FileNotFoundError:
            pass

    def maybe_load(self, trainer, optimizer=None, path=None):
        """Loads the latest snapshot all ranks have, if any (collective).

        Args:
            trainer: Trainer (or other object) to load into.
            optimizer: Kept for v5 compatibility (multi-node optimizer).
            path (str): Directory to look in; default as for saving.
        """
        if path is not None:
            self.path = path
        self._dir(trainer)
        common = self._common_iterations()
        if not common:
            return
        iteration = common[-1]
        serializers.load_npz(
            os.path.join(self.path, self._filename(iteration)), trainer)
        self.files = [self._filename(it) for it in self._local_iterations()]
        if optimizer is not None:
            # v5 sets this; the multi-node optimizer re-broadcasts on its
            # first update anyway, which is harmless after a common load.
            optimizer.needs_broadcast = False

    def get_stats(self):
        return self.stats.report()

    def on_error(self, trainer, exc, tb):
        self._failed = True

    def finalize(self):
        """Removes this rank's snapshots, unless training failed."""
        if self._failed or self.path is None:
            return
        for it in self._local_iterations():
            self._remove(it)
        self.files = []
