"""Function hook measuring CuPy memory pool usage of each function."""
import collections
import sys

from chainer import function_hook
from chainer.backends import cuda
from chainer.function_hooks import _report_table


def _make_cumulative_memory_hook():
    # The MemoryHook base class exists only with CuPy, so the subclass is
    # built on demand rather than at import time.
    class _CupyMemoryCumulativeHook(cuda.cupy.cuda.memory_hook.MemoryHook):

        name = 'CupyMemoryCumulativeHook'

        def __init__(self):
            self.used_bytes = 0
            self.acquired_bytes = 0

        def alloc_preprocess(self, **kwargs):
            # The pool asks the device for new memory.
            self.acquired_bytes += kwargs['mem_size']

        def malloc_preprocess(self, **kwargs):
            # A user of the pool receives memory (maybe reused).
            self.used_bytes += kwargs['mem_size']

    return _CupyMemoryCumulativeHook()


class CupyMemoryProfileHook(function_hook.FunctionHook):

    """Function hook measuring memory use of functions in the CuPy pool.

    Example::

        hook = CupyMemoryProfileHook()
        with hook:
            trainer.run()
        hook.print_report()

    prints ``FunctionName``, ``UsedBytes`` (bytes handed out by the CuPy
    memory pool), ``AcquiredBytes`` (bytes the pool took from the device)
    and ``Occurrence`` for each function.

    Attributes:
        call_history: List of ``(function name, used bytes, acquired bytes,
            depth)`` tuples.

    Raises:
        RuntimeError: If CuPy/CUDA is not available.

    """

    name = 'CupyMemoryProfileHook'
    _units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB']
    _table = {u: 1024 ** i for i, u in enumerate(_units)}

    def __init__(self):
        cuda.check_cuda_available()
        self.call_history = []
        self._memory_hook = _make_cumulative_memory_hook()
        self._running_stack = []
        self._total_used_bytes = 0
        self._total_acquired_bytes = 0

    def added(self, function=None):
        self._memory_hook.__enter__()

    def deleted(self, function=None):
        self._memory_hook.__exit__()

    def _preprocess(self):
        self._running_stack.append((self._memory_hook.used_bytes,
                                    self._memory_hook.acquired_bytes))

    def _postprocess(self, function):
        start_used, start_acquired = self._running_stack.pop()
        used = self._memory_hook.used_bytes - start_used
        acquired = self._memory_hook.acquired_bytes - start_acquired
        depth = len(self._running_stack)
        self.call_history.append(
            (_report_table.function_name(function), used, acquired, depth))
        # Nested calls are included in their caller's numbers already.
        if depth == 0:
            self._total_used_bytes += used
            self._total_acquired_bytes += acquired

    def forward_preprocess(self, function, in_data):
        self._preprocess()

    def backward_preprocess(self, function, in_data, out_grad):
        self._preprocess()

    def forward_postprocess(self, function, in_data):
        self._postprocess(function)

    def backward_postprocess(self, function, in_data, out_grad):
        self._postprocess(function)

    def total_used_bytes(self):
        """Returns total bytes that functions used from cupy memory pool."""
        return self._total_used_bytes

    def total_acquired_bytes(self):
        """Returns total bytes that cupy memory pool acquired from GPU."""
        return self._total_acquired_bytes

    def summary(self):
        """Returns a summary of memory profiling in functions.

        Returns:
            A summarized dictionary whose keys are function names and
            values are dictionaries of ``used_bytes``, ``acquired_bytes``
            and ``occurrence``.

        """
        summary = collections.OrderedDict()
        for name, used, acquired, _ in self.call_history:
            record = summary.setdefault(
                name, {'used_bytes': 0, 'acquired_bytes': 0,
                       'occurrence': 0})
            record['used_bytes'] += used
            record['acquired_bytes'] += acquired
            record['occurrence'] += 1
        return summary

    @classmethod
    def _choose_unit(cls, size):
        denominator = 1.0
        if size <= 0:
            return denominator, 'B'
        for unit in cls._units[:-1]:
            if size < denominator * 1024:
                return denominator, unit
            denominator *= 1024
        return denominator, cls._units[-1]

    def print_report(self, unit='auto', file=sys.stdout):
        """Prints a summary report of memory profiling in functions.

        Args:
            unit (str): One of ``'B'``, ``'KB'``, ... ``'ZB'``; ``'auto'``
                (one unit per column, fit to its largest value) or
                ``'auto_foreach'`` (one unit per cell).
            file: Output file-like object.

        """
        if unit not in ('auto', 'auto_foreach') and unit not in self._table:
            raise ValueError('invalid unit: {!r}'.format(unit))
        summary = self.summary()
        rows = [['FunctionName', 'UsedBytes', 'AcquiredBytes', 'Occurrence']]
        if unit == 'auto':
            used_unit = self._choose_unit(
                max([r['used_bytes'] for r in summary.values()] or [0]))
            acquired_unit = self._choose_unit(
                max([r['acquired_bytes'] for r in summary.values()] or [0]))
        elif unit != 'auto_foreach':
            used_unit = acquired_unit = (self._table[unit], unit)
        for name, record in summary.items():
            used, acquired = record['used_bytes'], record['acquired_bytes']
            if unit == 'auto_foreach':
                used_unit = self._choose_unit(used)
                acquired_unit = self._choose_unit(acquired)
            rows.append([name,
                         '%3.2f%s' % (used / used_unit[0], used_unit[1]),
                         '%3.2f%s' % (acquired / acquired_unit[0],
                                      acquired_unit[1]),
                         str(record['occurrence'])])
        _report_table.write_table(rows, file)
