"""Dataset of the lines of text files."""
import io

from chainer.dataset import dataset_mixin
from chainer.datasets import _per_thread


class TextDataset(_per_thread.PerThreadHandle,
                  dataset_mixin.DatasetMixin):

    """Dataset of a line-oriented text file, or of parallel files.

    With one file, the ``i``-th example is the ``i``-th line of the file
    (with its line terminator); as in v5, this also holds for a list of
    one path. With several paths (for example a parallel corpus), it is
    the tuple of the ``i``-th lines of the files, which must have the same
    number of lines. Only the offsets of the lines are kept in memory;
    lines are read when accessed, and each process and thread opens the
    files itself. Negative indexes raise :class:`IndexError`, as in v5.

    Args:
        paths (str or list of str): Path(s) of the text file(s).
        encoding (str or list of str): Encoding(s) of the file(s).
        errors (str or list of str): Error handler(s) of the decoding, as in
            :func:`open`.
        newline (str or list of str): Newline setting(s), as in
            :func:`open`.
        filter_func (callable): If given, only the lines (tuples of lines,
            as separate arguments) for which it returns ``True`` are kept.
    """

    def __init__(self, paths, encoding=None, errors=None, newline=None,
                 filter_func=None):
        paths = [paths] if isinstance(paths, str) else list(paths)
        n = len(paths)
        if n == 0:
            raise ValueError('at least one text file must be given')
        # v5 returns a bare line whenever there is a single file, even when
        # it was given as a list of one path.
        self._single = n == 1
        self._paths = paths
        self._encodings = self._per_file(encoding, n, 'encoding')
        self._errors = self._per_file(errors, n, 'errors')
        self._newlines = self._per_file(newline, n, 'newline')
        self._init_handles()

        files = self._open_handle()
        try:
            offsets = []
            while True:
                positions = [f.tell() for f in files]
                lines = [f.readline() for f in files]
                ended = [line == '' for line in lines]
                if all(ended):
                    break
                if any(ended):
                    raise ValueError('the number of lines differs between '
                                     'the files {}'.format(paths))
                if filter_func is None or filter_func(*lines):
                    offsets.append(positions)
        finally:
            for f in files:
                f.close()
        self._offsets = offsets

    @staticmethod
    def _per_file(value, n, name):
        if not isinstance(value, (list, tuple)):
            return [value] * n
        if len(value) != n:
            raise ValueError('{} must be given for each of the {} '
                             'files'.format(name, n))
        return list(value)

    def _open_handle(self):
        # The handle is the list of the open files, one per path.
        return [io.open(path, 'rt', encoding=enc, errors=err, newline=nl)
                for path, enc, err, nl in zip(
                    self._paths, self._encodings, self._errors,
                    self._newlines)]

    def __len__(self):
        return len(self._offsets)

    def get_example(self, i):
        """Returns the ``i``-th line (or tuple of lines)."""
        if i < 0:
            # v5 does not count negative indexes from the end.
            raise IndexError('dataset index out of range')
        lines = []
        for f, position in zip(self._handle(), self._offsets[i]):
            f.seek(position)
            lines.append(f.readline())
        return lines[0] if self._single else tuple(lines)
