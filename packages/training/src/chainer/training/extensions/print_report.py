"""Extension that prints the entries of a LogReport as a table."""
import sys

from chainer.training import extension
from chainer.training.extensions import _console
from chainer.training.extensions import log_report as log_report_module


class PrintReport(extension.Extension):

    """Trainer extension to print the accumulated results.

    It prints a header line with the ``entries`` at its first call, then
    one row for each new entry of a :class:`LogReport`. Each column is at
    least 10 characters wide; numbers use the ``g`` format and a missing
    value leaves its column blank.

    Args:
        entries (list of str): Keys of the log entries to print.
        log_report (str or LogReport): Name of a LogReport registered to
            the trainer, or a LogReport used internally (and called by this
            extension).
        out: Stream to print to; ``sys.stdout`` (looked up at each call)
            by default.
    """

    def __init__(self, entries, log_report='LogReport', out=None):
        self._entries = entries
        self._log_report = log_report
        self._out = out
        self._log_len = 0  # number of log entries already printed

        widths = [max(10, len(entry)) for entry in entries]
        self._header = '  '.join(
            entry.ljust(width) for entry, width in zip(entries, widths)
        ) + '\n'
        self._columns = list(zip(entries, widths))

    @property
    def _stream(self):
        return sys.stdout if self._out is None else self._out

    def __call__(self, trainer):
        out = self._stream
        if self._header:
            out.write(self._header)
            self._header = None

        log_report = self._log_report
        if isinstance(log_report, str):
            log_report = trainer.get_extension(log_report)
        elif isinstance(log_report, log_report_module.LogReport):
            log_report(trainer)  # updates the internal log report
        else:
            raise TypeError('log report has a wrong type %s' %
                            type(log_report))

        log = log_report.log
        while len(log) > self._log_len:
            # Erases what a progress bar may have drawn below the cursor.
            _console.erase_below(out)
            self._print(log[self._log_len])
            self._log_len += 1

    def _print(self, observation):
        out = self._stream
        for entry, width in self._columns:
            if entry in observation:
                out.write('{:<{}g}  '.format(observation[entry], width))
            else:
                out.write(' ' * (width + 2))
        out.write('\n')
        _console.flush(out)

    def serialize(self, serializer):
        """Saves or loads the internal LogReport, if it has one."""
        if isinstance(self._log_report, log_report_module.LogReport):
            self._log_report.serialize(serializer['_log_report'])
