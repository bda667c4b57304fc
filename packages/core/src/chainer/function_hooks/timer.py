"""Function hook measuring the elapsed time of each function."""
import collections
import sys
import time

import numpy

from chainer import backend
from chainer import function_hook
from chainer.function_hooks import _report_table


class TimerHook(function_hook.FunctionHook):

    """Function hook for measuring elapsed time of functions.

    Example::

        hook = TimerHook()
        with hook:
            trainer.run()
        hook.print_report()

    prints a table such as::

               FunctionName  ElapsedTime  Occurrence
             LinearFunction      1.24sec        3900
                       ReLU     593.05ms        2600

    On GPU the time is measured with CUDA events around the call.

    Attributes:
        call_history: List of ``(function name, elapsed seconds)`` pairs, in
            the order the calls finished.

    """

    name = 'TimerHook'
    table = {'sec': 1, 'ms': 10 ** 3, 'us': 10 ** 6, 'ns': 10 ** 9}

    def __init__(self):
        self.call_history = []
        self._running_stack = []
        self._total_time = 0

    def _preprocess(self, arrays):
        xp = backend.get_array_module(*[a for a in arrays if a is not None])
        if xp is numpy:
            self._running_stack.append((None, time.perf_counter()))
        else:
            start = xp.cuda.Event()
            start.record()
            self._running_stack.append((xp, start))

    def _postprocess(self, function):
        xp, start = self._running_stack.pop()
        if xp is None:
            elapsed = time.perf_counter() - start
        else:
            stop = xp.cuda.Event()
            stop.record()
            stop.synchronize()
            # get_elapsed_time answers in milliseconds.
            elapsed = xp.cuda.get_elapsed_time(start, stop) / 1000
        self.call_history.append(
            (_report_table.function_name(function), elapsed))
        # Nested calls (a function calling others) are counted only once.
        if not self._running_stack:
            self._total_time += elapsed

    def forward_preprocess(self, function, in_data):
        self._preprocess(in_data)

    def backward_preprocess(self, function, in_data, out_grad):
        self._preprocess(tuple(in_data) + tuple(out_grad))

    def forward_postprocess(self, function, in_data):
        self._postprocess(function)

    def backward_postprocess(self, function, in_data, out_grad):
        self._postprocess(function)

    def total_time(self):
        """Returns total elapsed time in seconds."""
        return self._total_time

    def summary(self):
        """Returns a summary of time profiling in functions.

        Returns:
            A summarized dictionary whose keys are function names and
            values are dictionaries of ``elapsed_time`` and ``occurrence``.

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
        """Prints a summary report of time profiling in functions.

        Args:
            unit (str): ``'sec'``, ``'ms'``, ``'us'``, ``'ns'``, or
                ``'auto'`` to pick the unit of each row.
            file: Output file-like object.

        """
        if unit != 'auto' and unit not in self.table:
            raise ValueError('unit must be one of auto, sec, ms, us, ns, '
                             'not {!r}'.format(unit))
        rows = [['FunctionName', 'ElapsedTime', 'Occurrence']]
        for name, record in self.summary().items():
            second = record['elapsed_time']
            if unit == 'auto':
                factor, row_unit = self._choose_unit(second)
            else:
                factor, row_unit = self.table[unit], unit
            rows.append([name, '%3.2f%s' % (second * factor, row_unit),
                         str(record['occurrence'])])
        _report_table.write_table(rows, file)
