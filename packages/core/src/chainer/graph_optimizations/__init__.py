"""Graph optimizations (experimental): static subgraph recording."""
# Submodules only: ``static_graph`` must stay the module here, so that
# ``chainer.graph_optimizations.static_graph.static_graph`` is the decorator.
from chainer.graph_optimizations import static_graph  # NOQA
from chainer.graph_optimizations import static_graph_utilities  # NOQA
