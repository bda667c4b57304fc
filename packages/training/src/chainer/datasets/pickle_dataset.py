"""Dataset of Python objects pickled one after another in a file."""
import os
import pickle
import threading

from chainer.dataset import dataset_mixin


class PickleDatasetWriter(object):

    """Writer of a file that :class:`PickleDataset` reads.

    Each :meth:`write` appends one pickled object.

    Args:
        writer: File-like object opened in binary write mode.
        protocol (int): Pickle protocol.
    """

    def __init__(self, writer, protocol=pickle.HIGHEST_PROTOCOL):
        self._writer = writer
        self._protocol = protocol

    def close(self):
        """Closes the file."""
        self._writer.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def write(self, x):
        """Appends one example."""
        pickle.dump(x, self._writer, protocol=self._protocol)

    def flush(self):
        """Flushes the file, if it can be flushed (as v5 checks)."""
        if hasattr(self._writer, 'flush'):
            self._writer.flush()


class PickleDataset(dataset_mixin.DatasetMixin):

    """Dataset of the objects of a file written by PickleDatasetWriter.

    The file is scanned once for the position of each object; examples are
    unpickled when accessed. Only open files you trust: unpickling can run
    arbitrary code.

    Args:
        reader: File-like object opened in binary read mode, supporting
            ``seek`` and ``tell``.
    """

    def __init__(self, reader):
        if not reader.seekable():
            raise ValueError('reader must support random access')
        self._reader = reader
        self._positions = []
        self._lock = threading.Lock()
        self._pid = os.getpid()
        reader.seek(0)
        while True:
            position = reader.tell()
            try:
                pickle.load(reader)
            except EOFError:
                break
            self._positions.append(position)

    def close(self):
        """Closes the file."""
        self._reader.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def __len__(self):
        return len(self._positions)

    def _reopen_after_fork(self):
        # A forked worker shares the file offset with its parent: it opens
        # the file again by name when it can.
        if self._pid != os.getpid():
            name = getattr(self._reader, 'name', None)
            if isinstance(name, str) and os.path.exists(name):
                self._reader = open(name, 'rb')
            self._lock = threading.Lock()
            self._pid = os.getpid()

    def get_example(self, i):
        """Unpickles and returns the ``i``-th object."""
        self._reopen_after_fork()
        position = self._positions[i]
        with self._lock:
            self._reader.seek(position)
            return pickle.load(self._reader)

    def __getstate__(self):
        # Pickled (e.g. for spawned workers) by file name; reopened there.
        name = getattr(self._reader, 'name', None)
        if not isinstance(name, str):
            raise TypeError('cannot pickle a PickleDataset whose reader has '
                            'no file name')
        state = self.__dict__.copy()
        del state['_lock']
        state['_reader'] = name
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._reader = open(state['_reader'], 'rb')
        self._lock = threading.Lock()
        self._pid = os.getpid()


def open_pickle_dataset(path):
    """Opens a file written by :func:`open_pickle_dataset_writer`.

    Args:
        path (str): Path of the file.

    Returns:
        PickleDataset: The dataset; close it (or use ``with``) when done.
    """
    return PickleDataset(open(path, 'rb'))


def open_pickle_dataset_writer(path, protocol=pickle.HIGHEST_PROTOCOL):
    """Opens a file to write a :class:`PickleDataset`.

    Args:
        path (str): Path of the file.
        protocol (int): Pickle protocol.

    Returns:
        PickleDatasetWriter: The writer; close it (or use ``with``).
    """
    return PickleDatasetWriter(open(path, 'wb'), protocol=protocol)
