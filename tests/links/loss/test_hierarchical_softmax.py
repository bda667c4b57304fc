import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing
from chainer.links.loss import hierarchical_softmax

TREE = ((0, 1), ((2, 3), 4))


def _log_probs(W, x):
    """log p(w | x) of every word of TREE, walking the tree by hand."""
    sig = lambda v: 1 / (1 + numpy.exp(-v))  # NOQA
    s = [sig(W[n] @ x) for n in range(W.shape[0])]
    # Pre-order numbering: root 0, (0, 1) is node 1, ((2, 3), 4) node 2,
    # (2, 3) node 3; left branch probability s, right 1 - s.
    p = {0: s[0] * s[1], 1: s[0] * (1 - s[1]),
         2: (1 - s[0]) * s[2] * s[3], 3: (1 - s[0]) * s[2] * (1 - s[3]),
         4: (1 - s[0]) * (1 - s[2])}
    return {w: numpy.log(v) for w, v in p.items()}


def test_forward_matches_manual_tree_walk():
    link = links.BinaryHierarchicalSoftmax(3, TREE)
    assert link.W.shape == (4, 3)
    assert (numpy.abs(link.W.array) <= 1).all()
    x = numpy.random.uniform(-1, 1, (5, 3)).astype('f')
    t = numpy.array([0, 4, 2, 3, 1], numpy.int32)
    loss = link(x, t)
    assert loss.shape == ()
    W = link.W.array.astype(numpy.float64)
    expected = -sum(_log_probs(W, x[i])[t[i]] for i in range(5))
    testing.assert_allclose(expected, loss.array, atol=1e-5, rtol=1e-4)


def test_probabilities_sum_to_one():
    link = links.BinaryHierarchicalSoftmax(2, TREE)
    x = numpy.random.uniform(-1, 1, (1, 2)).astype('f')
    total = sum(numpy.exp(-float(link(x, numpy.array([w], 'i')).array))
                for w in range(5))
    assert total == pytest.approx(1, abs=1e-5)


def test_huffman_tree():
    tree = links.BinaryHierarchicalSoftmax.create_huffman_tree(
        {'a': 5, 'b': 1, 'c': 1, 'd': 2})
    assert tree == ((('b', 'c'), 'd'), 'a')
    with pytest.raises(ValueError):
        links.BinaryHierarchicalSoftmax.create_huffman_tree({})


def test_huffman_tree_is_usable():
    counts = {w: c for w, c in enumerate([10, 1, 3, 7, 2, 2])}
    tree = links.BinaryHierarchicalSoftmax.create_huffman_tree(counts)
    link = links.BinaryHierarchicalSoftmax(2, tree)
    assert link.W.shape == (5, 2)
    x = numpy.zeros((6, 2), 'f')
    t = numpy.arange(6, dtype=numpy.int32)
    depths = [len(hierarchical_softmax.TreeParser(tree).paths[w])
              for w in range(6)]
    testing.assert_allclose(numpy.log(2) * sum(depths), link(x, t).array,
                            rtol=1e-5)


def test_deep_tree_needs_no_recursion():
    tree = 0
    for w in range(1, 3000):
        tree = (tree, w)
    parser = hierarchical_softmax.TreeParser(tree)
    assert parser.size == 2999
    assert len(parser.paths[0]) == 2999


def test_bad_trees_and_targets():
    with pytest.raises(ValueError):
        links.BinaryHierarchicalSoftmax(2, ((0, 1, 2), 3))
    with pytest.raises(ValueError):
        links.BinaryHierarchicalSoftmax(2, ((0, 1), 1))
    link = links.BinaryHierarchicalSoftmax(2, TREE)
    with pytest.raises(ValueError):
        link(numpy.zeros((1, 2), 'f'), numpy.array([5], numpy.int32))
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(numpy.zeros((1, 3), 'f'), numpy.array([0], numpy.int32))
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(numpy.zeros((2, 2), 'f'), numpy.array([0], numpy.int32))


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.BinaryHierarchicalSoftmax(3, TREE)
    x = numpy.random.uniform(-1, 1, (4, 3))
    t = numpy.array([0, 2, 4, 3], numpy.int32)
    gradient_check.check_backward(lambda x: link(x, t), x, None, link.W,
                                  atol=1e-6, rtol=1e-5)


def test_dtype_and_serialization(save_load):
    src = links.BinaryHierarchicalSoftmax(2, TREE, dtype=numpy.float64)
    assert src.W.dtype == numpy.float64
    dst = links.BinaryHierarchicalSoftmax(2, TREE, dtype=numpy.float64)
    assert list(save_load(src, dst)) == ['W']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)


def test_doctests(run_doctests):
    run_doctests('chainer.links.loss.hierarchical_softmax')
