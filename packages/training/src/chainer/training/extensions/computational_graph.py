"""Extension that dumps the computational graph of a reported value."""
import os

from chainer import computational_graph
from chainer import configuration
from chainer.training import extension
from chainer import variable

_var_style = {'shape': 'octagon', 'fillcolor': '#E0E0E0', 'style': 'filled'}
_func_style = {'shape': 'record', 'fillcolor': '#6495ED', 'style': 'filled'}


def dump_graph(root_name, out_name='cg.dot', variable_style=None,
               function_style=None):
    """Returns a trainer extension to dump a computational graph.

    The graph leading to the variable reported as ``root_name`` (e.g.
    ``'main/loss'``) is written in the DOT language to ``out/out_name`` at
    iteration 1 (its default trigger fires only then). Since
    reported values do not keep their graph by default, the extension turns
    on ``chainer.config.keep_graph_on_report`` before training and restores
    it after the dump.

    Args:
        root_name (str): Key of the root variable in the observation.
        out_name (str): Output file name.
        variable_style (dict): DOT style of variable nodes.
        function_style (dict): DOT style of function nodes.

    Returns:
        The extension function.
    """
    if variable_style is None:
        variable_style = _var_style
    if function_style is None:
        function_style = _func_style
    state = {'original': None}

    def trigger(trainer):
        # A plain function as in v5 (not an IntervalTrigger): the trainer
        # saves no trigger state for it in snapshots. After a resume past
        # the first iteration it never fires.
        return trainer.updater.iteration == 1

    def initializer(trainer):
        state['original'] = configuration.config.keep_graph_on_report
        # Unlike v5, the flag is not turned on when the dump can no longer
        # happen (resumed past iteration 1): it would stay on for good.
        if trainer.updater.iteration < 1:
            configuration.config.keep_graph_on_report = True

    @extension.make_extension(trigger=trigger, initializer=initializer)
    def dump_graph(trainer):
        try:
            var = trainer.observation[root_name]
            if not isinstance(var, variable.Variable):
                raise TypeError('root value is not a Variable')
            graph = computational_graph.build_computational_graph(
                [var], variable_style=variable_style,
                function_style=function_style).dump()
            with open(os.path.join(trainer.out, out_name), 'w') as f:
                f.write(graph)
        finally:
            configuration.config.keep_graph_on_report = state['original']

    return dump_graph
