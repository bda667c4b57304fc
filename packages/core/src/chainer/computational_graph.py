"""Extraction of computational graphs and their Graphviz (DOT) dump."""
import heapq

from chainer import function_node
from chainer import variable

_var_style = {'shape': 'octagon', 'fillcolor': '#E0E0E0', 'style': 'filled'}
_func_style = {'shape': 'record', 'fillcolor': '#6495ED', 'style': 'filled'}


class DotNode(object):

    """Node of the DOT output: one variable or function node.

    Args:
        node (VariableNode or FunctionNode): The node to draw.
        attribute (dict): DOT attributes overriding the defaults.
        show_name (bool): Whether a variable's name prefixes its label.

    """

    def __init__(self, node, attribute=None, show_name=True):
        if not isinstance(node, (variable.VariableNode,
                                 function_node.FunctionNode)):
            raise TypeError('node must be a VariableNode or a FunctionNode, '
                            'not {}'.format(type(node).__name__))
        self.node = node
        self.id_ = id(node)
        is_var = isinstance(node, variable.VariableNode)
        label = node.label
        if is_var and show_name and node.name is not None:
            label = '{}: {}'.format(node.name, label)
        self.attribute = {'label': label,
                          'shape': 'oval' if is_var else 'box'}
        if attribute is not None:
            self.attribute.update(attribute)

    @property
    def label(self):
        """The node statement in DOT, e.g. ``123 [label="...",shape="box"];``.
        """
        # Insertion order, as v5: label, shape, then the style's own keys.
        attrs = ['%s="%s"' % (k, v) for k, v in self.attribute.items()]
        return '%s [%s];' % (self.id_, ','.join(attrs))


def _skip_variables(nodes, edges):
    # Rewires variable-mediated edges f -> v -> g into direct f -> g edges.
    consumers = {}
    for node in nodes:
        if isinstance(node, function_node.FunctionNode):
            for x in node.inputs:
                consumers.setdefault(id(x), []).append(node)
    func_edges = []
    for head, tail in edges:
        if isinstance(head, variable.VariableNode):
            head = head.creator_node
            if head is None:
                continue
        if isinstance(tail, variable.VariableNode):
            targets = consumers.get(id(tail))
            if not targets:
                continue
            tail = targets[0]
        func_edges.append((head, tail))
    return func_edges


class ComputationalGraph(object):

    """Class that represents computational graph.

    Build one with :func:`build_computational_graph` rather than directly.

    Args:
        nodes (list): Variable and function nodes of the graph.
        edges (list): ``(head, tail)`` pairs of connected nodes.
        variable_style (dict or 'default'): DOT attributes of variables.
        function_style (dict or 'default'): DOT attributes of functions.
        rankdir (str): Direction of the graph: ``'TB'``, ``'BT'``,
            ``'LR'`` or ``'RL'``.
        remove_variable (bool): If True, variables are left out and
            functions are connected directly.
        show_name (bool): If True, variable names are shown in labels.

    """

    def __init__(self, nodes, edges, variable_style='default',
                 function_style='default', rankdir='TB',
                 remove_variable=False, show_name=True):
        if variable_style == 'default':
            variable_style = _var_style
        if function_style == 'default':
            function_style = _func_style
        if rankdir not in ('TB', 'BT', 'LR', 'RL'):
            raise ValueError("rankdir must be 'TB', 'BT', 'LR' or 'RL', not "
                             '{!r}'.format(rankdir))
        self.nodes = nodes
        self.edges = edges
        self.variable_style = variable_style
        self.function_style = function_style
        self.rankdir = rankdir
        self.remove_variable = remove_variable
        self.show_name = show_name

    def _style(self, node):
        if isinstance(node, variable.VariableNode):
            return self.variable_style
        return self.function_style

    def _to_dot(self):
        out = ['digraph graphname{rankdir=%s;' % self.rankdir]
        edges = self.edges
        if self.remove_variable:
            edges = _skip_variables(self.nodes, edges)
        for node in self.nodes:
            if self.remove_variable and \
                    isinstance(node, variable.VariableNode):
                continue
            out.append(DotNode(node, self._style(node), self.show_name).label)
        drawn = set()
        for head, tail in edges:
            is_var = (isinstance(head, variable.VariableNode),
                      isinstance(tail, variable.VariableNode))
            if not self.remove_variable and is_var[0] == is_var[1]:
                raise TypeError('head and tail should be the set of '
                                'VariableNode and FunctionNode')
            edge = (id(head), id(tail))
            if edge in drawn:
                continue
            drawn.add(edge)
            out.append('%s -> %s;' % edge)
        out.append('}')
        return ''.join(out)

    def dump(self, format='dot'):
        """Dumps graph as a text.

        Args:
            format (str): The graph language name of the output. Only
                ``'dot'`` (Graphviz) is supported.

        Returns:
            str: The graph in the given format.

        """
        if format == 'dot':
            return self._to_dot()
        raise NotImplementedError('Currently, only dot format is supported.')


def build_computational_graph(
        outputs, remove_split=True, variable_style='default',
        function_style='default', rankdir='TB', remove_variable=False,
        show_name=True):
    """Builds a graph of the nodes that ``outputs`` were computed from.

    Starting from ``outputs``, it follows ``VariableNode.creator_node`` and
    ``FunctionNode.inputs`` and collects every node and edge met. Edges go
    from inputs to functions and from functions to their outputs.

    Args:
        outputs (Variable, VariableNode, FunctionNode or list of them):
            Nodes to start the traversal from.
        remove_split (bool): Must be True; kept for compatibility (split
            nodes no longer exist).
        variable_style (dict or 'default'): DOT attributes of variables,
            e.g. ``{'shape': 'octagon', 'style': 'filled'}``.
        function_style (dict or 'default'): DOT attributes of functions.
        rankdir (str): ``'TB'`` (top to bottom), ``'BT'``, ``'LR'`` or
            ``'RL'`` (right to left).
        remove_variable (bool): If True, variables are omitted from the
            dump and functions connected directly.
        show_name (bool): If True, variable names are shown in labels.

    Returns:
        ComputationalGraph: The graph.

    >>> import numpy
    >>> import chainer
    >>> x = chainer.Variable(numpy.ones(2, 'f'))
    >>> g = build_computational_graph([x * x])
    >>> len(g.nodes), len(g.edges)
    (3, 2)

    """
    if not remove_split:
        raise ValueError('remove_split=False is not supported anymore')
    kinds = (variable.Variable, variable.VariableNode,
             function_node.FunctionNode)
    if isinstance(outputs, kinds):
        outputs = [outputs]
    elif not all(isinstance(o, kinds) for o in outputs):
        raise TypeError('element of outputs must be either Variable, '
                        'VariableNode or FunctionNode.')

    # Each node is expanded once; the heap visits deepest nodes first (as
    # v5 does) and its counter breaks ties without comparing nodes.
    heap = []
    pushed = [0]
    nodes = {}
    edges = {}

    def push(node):
        if id(node) in nodes:
            return
        heapq.heappush(heap, (-node.rank, pushed[0], node))
        pushed[0] += 1
        nodes.setdefault(id(node), node)

    for o in outputs:
        push(o.node if isinstance(o, variable.Variable) else o)

    while heap:
        _, _, node = heapq.heappop(heap)
        if isinstance(node, variable.VariableNode):
            pairs = [] if node.creator_node is None else \
                [(node.creator_node, node)]
        else:
            pairs = [(x, node) for x in node.inputs if x is not node]
        for head, tail in pairs:
            key = (id(head), id(tail))
            if key not in edges:
                edges[key] = (head, tail)
                push(head)

    return ComputationalGraph(
        list(nodes.values()), list(edges.values()), variable_style,
        function_style, rankdir, remove_variable, show_name)
