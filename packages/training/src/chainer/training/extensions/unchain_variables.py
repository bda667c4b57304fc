"""Extension that releases the graphs of reported variables."""
from chainer.training import extension
from chainer import variable


@extension.make_extension(trigger=(1, 'iteration'),
                          priority=extension.PRIORITY_READER - 1)
def unchain_variables(trainer):
    """Trainer extension that cuts the graph behind reported variables.

    With ``chainer.config.keep_graph_on_report`` on, reported variables
    keep their whole computational graph alive until the next iteration.
    This extension, run after the readers, calls ``unchain_backward`` on
    each of them so the memory is freed early.
    """
    for value in trainer.observation.values():
        if isinstance(value, variable.Variable):
            value.unchain_backward()
