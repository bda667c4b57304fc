"""Report tables and timing shared by the profiling hooks."""
import collections
import sys
import time

import numpy


def write_table(rows, file):
    # Columns are right-aligned to their widest cell and separated by two
    # spaces, the layout of v5's print_report.
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    template = '  '.join('{:>%d}' % w for w in widths)
    for row in rows:
        file.write(template.format(*row))
        file.write('\n')
    file.flush()


def function_name(function):
    # FunctionAdapter reports the wrapped Function's class name in v5.
    name = getattr(function, '_impl_name', None)
    if name is None:
        name = type(function).__name__
    return name


class TimerReport(object):

    """Timing, summary and report of the function and link ``TimerHook``.

    Subclasses name their report's first column in ``_name_header`` and
    wrap each call in ``_start_timer(xp)`` and ``_stop_timer(name)``.

    Attributes:
        call_history: List of ``(name, elapsed seconds)`` pairs, in the
            order the calls finished.
    """

    table = {'sec': 1, 'ms': 10 ** 3, 'us': 10 ** 6, 'ns': 10 ** 9}
    _name_header = 'Name'

    def __init__(self):
        self.call_history = []
        self._running_stack = []
        self._total_time = 0

    def _start_timer(self, xp):
        if xp is numpy:
            self._running_stack.append((None, time.perf_counter()))
        else:
            start = xp.cuda.Event()
            start.record()
            self._running_stack.append((xp, start))

    def _stop_timer(self, name):
        xp, start = self._running_stack.pop()
        if xp is None:
            elapsed = time.perf_counter() - start
        else:
            stop = xp.cuda.Event()
            stop.record()
            stop.synchronize()
            # get_elapsed_time answers in milliseconds.
            elapsed = xp.cuda.get_elapsed_time(start, stop) / 1000
        self.call_history.append((name, elapsed))
        # A nested call (a function calling others, a chain calling its
        # links) is inside its caller's time: only outermost calls count.
        if not self._running_stack:
            self._total_time += elapsed

    def total_time(self):
        """Returns the total elapsed time in seconds (outermost calls)."""
        return self._total_time

    def summary(self):
        """Returns the elapsed time and the number of calls per name.

        Returns:
            An ordered dictionary mapping names, in order of first call, to
            dictionaries with keys ``elapsed_time`` (seconds) and
            ``occurrence``.
        """
        summary = collections.OrderedDict()
        for name, elapsed in self.call_history:
            record = summary.setdefault(
                name, {'elapsed_time': 0, 'occurrence': 0})
            record['elapsed_time'] += elapsed
            record['occurrence'] += 1
        return summary

    @staticmethod
    def _choose_unit(second):
        factor = 1
        for unit in ('sec', 'ms', 'us'):
            if second * factor >= 1:
                return factor, unit
            factor *= 1000.0
        return factor, 'ns'

    def print_report(self, unit='auto', file=sys.stdout):
        """Prints the summary as a table.

        Args:
            unit (str): ``'sec'``, ``'ms'``, ``'us'`` or ``'ns'``;
                ``'auto'`` (default) gives every row the unit that fits the
                largest elapsed time, ``'auto_foreach'`` fits each row's
                unit to its own time.
            file: Output file-like object.
        """
        if unit not in ('auto', 'auto_foreach') and unit not in self.table:
            # v5 fails on the unit table lookup, with a KeyError.
            raise KeyError('unit must be one of auto, auto_foreach, sec, '
                           'ms, us, ns, not {!r}'.format(unit))
        summary = self.summary()
        if unit == 'auto':
            longest = max([r['elapsed_time'] for r in summary.values()]
                          or [0])
            shared = self._choose_unit(longest)
        elif unit != 'auto_foreach':
            shared = self.table[unit], unit
        rows = [[self._name_header, 'ElapsedTime', 'Occurrence']]
        for name, record in summary.items():
            second = record['elapsed_time']
            if unit == 'auto_foreach':
                factor, row_unit = self._choose_unit(second)
            else:
                factor, row_unit = shared
            rows.append([name, '%3.2f%s' % (second * factor, row_unit),
                         str(record['occurrence'])])
        write_table(rows, file)
