"""Extension that releases the graphs of reported variables."""
from chainer import configuration
from chainer.training import extension
from chainer import variable


class unchain_variables(extension.Extension):

    """Trainer extension that cuts the graph behind reported variables.

    With ``chainer.config.keep_graph_on_report`` on, reported variables
    keep their whole computational graph alive until the next iteration.
    Registered with ``trainer.extend(extensions.unchain_variables())``, it
    runs after the other extensions (priority 0) and calls
    ``unchain_backward`` on each reported variable, so the memory is freed
    early.

    As in v5 it acts only at iterations where the flag was on when the
    previous check was made (the flag seen at :meth:`initialize` for the
    first iteration): :func:`dump_graph` turns the flag off during the
    first iteration, after the graph was reported with it on.
    """

    priority = 0

    def __init__(self):
        self._prev_flag = None

    def initialize(self, _):
        self._prev_flag = configuration.config.keep_graph_on_report

    def trigger(self, _):
        # A method, not a tuple: v5 saves no trigger state for it.
        flag = self._prev_flag
        self._prev_flag = configuration.config.keep_graph_on_report
        return flag

    def __call__(self, trainer):
        for value in trainer.observation.values():
            if isinstance(value, variable.Variable):
                value.unchain_backward()
