import re

import numpy
import pytest

import chainer
from chainer import computational_graph as c
from chainer import function_node


class _Add(function_node.FunctionNode):

    def forward(self, inputs):
        return inputs[0] + inputs[1],

    def backward(self, indexes, grad_outputs):
        return grad_outputs[0], grad_outputs[0]


class _Split(function_node.FunctionNode):

    def forward(self, inputs):
        return inputs[0] * 1, inputs[0] * 2

    def backward(self, indexes, grad_outputs):
        return None,


def _var(shape=(2, 3), name=None):
    return chainer.Variable(numpy.zeros(shape, numpy.float32), name=name)


def _edges_by_id(g):
    return {(id(h), id(t)) for h, t in g.edges}


def test_single_function():
    x1, x2 = _var(name='x1'), _var()
    y, = _Add().apply((x1, x2))
    g = c.build_computational_graph([y])
    f = y.creator
    assert len(g.nodes) == 4
    assert {id(n) for n in g.nodes} == {id(x1.node), id(x2.node),
                                        id(y.node), id(f)}
    assert _edges_by_id(g) == {(id(x1.node), id(f)), (id(x2.node), id(f)),
                               (id(f), id(y.node))}


def test_chain_and_shared_input():
    x = _var()
    h, = _Add().apply((x, x))  # the same input twice gives one edge
    y, = _Add().apply((h, x))
    g = c.build_computational_graph(y)
    assert len(g.nodes) == 5
    assert len(g.edges) == 5
    assert (id(x.node), id(h.creator)) in _edges_by_id(g)
    assert (id(x.node), id(y.creator)) in _edges_by_id(g)


def test_multiple_outputs_and_start_nodes():
    x = _var()
    a, b = _Split().apply((x,))
    g = c.build_computational_graph([a, b])
    assert len(g.nodes) == 4 and len(g.edges) == 3
    # Starting from only one output does not reach its sibling.
    g = c.build_computational_graph([a])
    assert len(g.nodes) == 3 and id(b.node) not in {id(n) for n in g.nodes}
    # A FunctionNode or VariableNode can start the traversal too.
    assert len(c.build_computational_graph(a.creator).nodes) == 2
    assert len(c.build_computational_graph(a.node).nodes) == 3


def test_leaf_only():
    x = _var()
    g = c.build_computational_graph([x])
    assert len(g.nodes) == 1 and g.edges == []
    # v5 writes attributes in insertion order: label, shape (its value
    # replaced by the style's), then the style's other keys.
    assert g.dump() == 'digraph graphname{rankdir=TB;%d [%s];}' % (
        id(x.node), 'label="(2, 3), float32",shape="octagon",'
        'fillcolor="#E0E0E0",style="filled"')


def test_dot_contents():
    x = _var(name='input')
    s = chainer.Variable(numpy.zeros((), numpy.float64))
    y, = _Add().apply((x, s))
    dot = c.build_computational_graph([y]).dump()
    assert dot.startswith('digraph graphname{rankdir=TB;')
    assert dot.endswith('}')
    assert 'label="input: (2, 3), float32"' in dot
    assert 'label="float64"' in dot
    assert 'label="_Add"' in dot
    assert 'shape="record"' in dot and 'fillcolor="#6495ED"' in dot
    assert '%d -> %d;' % (id(x.node), id(y.creator)) in dot
    assert '%d -> %d;' % (id(y.creator), id(y.node)) in dot
    assert len(re.findall(r'\d+ -> \d+;', dot)) == 3
    assert len(re.findall(r'\d+ \[[^]]*\];', dot)) == 4


def test_show_name_false_and_styles():
    x = _var(name='input')
    y, = _Add().apply((x, x))
    g = c.build_computational_graph(
        [y], variable_style={'color': 'red'}, function_style=None,
        rankdir='LR', show_name=False)
    dot = g.dump()
    assert 'rankdir=LR;' in dot
    assert 'input:' not in dot
    assert '%d [label="(2, 3), float32",shape="oval",color="red"];' % id(
        x.node) in dot
    assert '%d [label="_Add",shape="box"];' % id(y.creator) in dot


def test_remove_variable():
    x = _var()
    h, = _Add().apply((x, x))
    y, = _Add().apply((h, x))
    g = c.build_computational_graph([y], remove_variable=True)
    dot = g.dump()
    f1, f2 = h.creator, y.creator
    assert re.findall(r'(\d+) -> (\d+);', dot) == [(str(id(f1)),
                                                    str(id(f2)))]
    assert str(id(x.node)) not in dot and str(id(h.node)) not in dot
    assert len(re.findall(r'\d+ \[[^]]*\];', dot)) == 2


def test_errors():
    x = _var()
    with pytest.raises(ValueError):
        c.build_computational_graph([x], remove_split=False)
    with pytest.raises(TypeError):
        c.build_computational_graph([x, 1])
    with pytest.raises(ValueError):
        c.build_computational_graph([x], rankdir='LT')
    with pytest.raises(NotImplementedError):
        c.build_computational_graph([x]).dump('png')


def test_rankdir_rl():
    # v5 accepts right-to-left too.
    dot = c.build_computational_graph([_var()], rankdir='RL').dump()
    assert dot.startswith('digraph graphname{rankdir=RL;')


def test_dump_is_idempotent():
    x = _var()
    y, = _Add().apply((x, x))
    g = c.build_computational_graph([y], remove_variable=True)
    assert g.dump() == g.dump()
    assert len(g.nodes) == 3
