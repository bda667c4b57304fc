"""Link hook measuring the elapsed time of each link's forward."""
from chainer.function_hooks import _report_table
from chainer import link_hook


class TimerHook(link_hook.LinkHook, _report_table.TimerReport):

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

    On GPU the time is measured with CUDA events around the call. A chain's
    time already contains its children's, so only outermost calls add to
    :meth:`total_time`.

    Attributes:
        call_history: List of ``(link class name, elapsed seconds)`` pairs,
            in the order the calls finished.
    """

    name = 'TimerHook'
    _name_header = 'LinkName'

    def forward_preprocess(self, args):
        self._start_timer(args.link.xp)

    def forward_postprocess(self, args):
        self._stop_timer(type(args.link).__name__)
