"""Link hook measuring the elapsed time of each link's forward."""
import collections
import sys
import time

import numpy

from chainer.function_hooks import _report_table
from chainer import link_hook


class TimerHook(link_hook.LinkHook):

    """Link hook for measuring the elapsed time of links' forward methods.

    Example::

        hook = chainer.link_hooks.TimerHook()
        with hook:
            model(x)
        hook.print_report()

    prints a table such as::

        LinkName  ElapsedTime  Occurrence
          Linear     41.42ms         100
             MLP     42.01ms          50

    On GPU the time is measured with CUDA events around the call.

    Attributes:
        call_history: List of ``(link class name, elapsed seconds)`` pairs,
            in the order the calls finished.
    """

    name = 'TimerHook'
    table = {'sec': 1, 'ms': 10 ** 3, 'us': 10 ** 6, 'ns': 10 ** 9}

    def __init__(self):
        self.call_history = []
        self._running_stack = []
        self._total_time = 0

    def forward_preprocess(self, args):
        xp = args.link.xp
        if xp is numpy:
            self._running_stack.append((None, time.perf_counter()))
        else:
            start = xp.cuda.Event()
            start.record()
            self._running_stack.append((xp, start))

    def forward_postprocess(self, args):
        xp, start = self._running_stack.pop()
        if xp is None:
            elapsed = time.perf_counter() - start
        else:
            stop = xp.cuda.Event()
            stop.record()
            stop.synchronize()
            # get_elapsed_time answers in milliseconds.
            elapsed = xp.cuda.get_elapsed_time(start, stop) / 1000
        self.call_history.append((type(args.link).__name__, elapsed))
        # A chain's time already contains its children's: count it once.
        if not self._running_stack:
            self._total_time += elapsed

    def total_time(self):
        """Returns the total elapsed time in seconds (outermost calls)."""
        return self._total_time

    def summary(self):
        """Returns the elapsed time and the number of calls per link class.

        Returns:
            An ordered dictionary mapping link class names to dictionaries
            with keys ``elapsed_time`` (seconds) and ``occurrence``.
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
            unit (str): ``'sec'``, ``'ms'``, ``'us'``, ``'ns'``, or
                ``'auto'`` to pick the unit of each row.
            file: Output file-like object.
        """
        if unit != 'auto' and unit not in self.table:
            raise ValueError('unit must be one of auto, sec, ms, us, ns, '
                             'not {!r}'.format(unit))
        rows = [['LinkName', 'ElapsedTime', 'Occurrence']]
        for name, record in self.summary().items():
            second = record['elapsed_time']
            if unit == 'auto':
                factor, row_unit = self._choose_unit(second)
            else:
                factor, row_unit = self.table[unit], unit
            rows.append([name, '%3.2f%s' % (second * factor, row_unit),
                         str(record['occurrence'])])
        _report_table.write_table(rows, file)
