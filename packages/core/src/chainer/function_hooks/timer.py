"""Function hook measuring the elapsed time of each function."""
# Tests fake the clock through ``timer.time.perf_counter``; the timing
# itself is in _report_table.
import time  # noqa: F401

from chainer import backend
from chainer import function_hook
from chainer.function_hooks import _report_table


class TimerHook(function_hook.FunctionHook, _report_table.TimerReport):

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

    On GPU the time is measured with CUDA events around the call. Nested
    calls (the functions a backward applies) are recorded, but only the
    outermost ones add to :meth:`total_time`.

    Attributes:
        call_history: List of ``(function name, elapsed seconds)`` pairs, in
            the order the calls finished.

    """

    name = 'TimerHook'
    _name_header = 'FunctionName'

    def _preprocess(self, arrays):
        self._start_timer(backend.get_array_module(
            *[a for a in arrays if a is not None]))

    def _postprocess(self, function):
        self._stop_timer(_report_table.function_name(function))

    def forward_preprocess(self, function, in_data):
        self._preprocess(in_data)

    def backward_preprocess(self, function, in_data, out_grad):
        self._preprocess(tuple(in_data) + tuple(out_grad))

    def forward_postprocess(self, function, in_data):
        self._postprocess(function)

    def backward_postprocess(self, function, in_data, out_grad):
        self._postprocess(function)
