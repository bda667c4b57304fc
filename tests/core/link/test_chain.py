import copy
import pickle

import numpy
import pytest

import chainer
from chainer import initializers


class Leaf(chainer.Link):

    def __init__(self, n_in=2, n_out=3):
        super(Leaf, self).__init__()
        with self.init_scope():
            self.W = chainer.Parameter(
                numpy.arange(n_in * n_out, dtype='f').reshape(n_out, n_in))
            self.b = chainer.Parameter(initializers.Zero())  # lazy
        self.add_persistent('count', 0)

    def forward(self, x):
        if self.b.array is None:
            self.b.initialize((self.W.shape[0],))
        return chainer.functions.matmul(x, self.W, transb=True) + self.b


class Model(chainer.Chain):

    def __init__(self):
        super(Model, self).__init__()
        with self.init_scope():
            self.l2 = Leaf(3, 1)
            self.l1 = Leaf(2, 3)
            self.s = chainer.Parameter(numpy.array([0.5], 'f'))

    def forward(self, x):
        return self.l2(self.l1(x)) * chainer.functions.broadcast_to(
            self.s, (x.shape[0], 1))


class Outer(chainer.Chain):

    def __init__(self):
        super(Outer, self).__init__()
        with self.init_scope():
            self.predictor = Model()


def test_children_registered_by_init_scope():
    m = Model()
    assert m._children == {'l1', 'l2'}
    assert m.l1.name == 'l1' and m.l2.name == 'l2'
    assert list(m.children()) == [m.l1, m.l2]
    assert m['l1'] is m.l1
    m.plain = Leaf()  # outside init_scope: not a child
    assert 'plain' not in m._children


def test_namedparams_paths_sorted():
    m = Outer()
    assert [p for p, _ in m.namedparams()] == [
        '/predictor/s', '/predictor/l1/W', '/predictor/l1/b',
        '/predictor/l2/W', '/predictor/l2/b']
    assert [p for p, _ in m.namedparams(include_uninit=False)] == [
        '/predictor/s', '/predictor/l1/W', '/predictor/l2/W']
    assert len(list(m.params())) == 5


def test_links_and_namedlinks():
    m = Outer()
    p = m.predictor
    assert list(m.links()) == [m, p, p.l1, p.l2]
    assert list(m.links(skipself=True)) == [p, p.l1, p.l2]
    assert list(m.namedlinks()) == [
        ('/', m), ('/predictor', p), ('/predictor/l1', p.l1),
        ('/predictor/l2', p.l2)]
    assert list(m.namedlinks(skipself=True))[0] == ('/predictor', p)


def test_add_link():
    c = chainer.Chain()
    leaf = Leaf()
    c.add_link('a', leaf)
    assert c.a is leaf and leaf.name == 'a' and c._children == {'a'}
    with pytest.raises(AttributeError, match='a'):
        c.add_link('a', Leaf())
    with pytest.raises(TypeError):
        c.add_link('b', object())


def test_deprecated_constructor_links():
    leaf = Leaf()
    c = chainer.Chain(x=leaf)
    assert c.x is leaf and list(c.children()) == [leaf]


def test_reassigning_a_child_in_init_scope_raises():
    m = Model()
    with pytest.raises(AttributeError, match='l1'):
        with m.init_scope():
            m.l1 = Leaf()


def test_delattr_removes_child():
    m = Model()
    del m.l1
    assert m._children == {'l2'}
    assert [p for p, _ in m.namedparams()] == ['/s', '/l2/W', '/l2/b']


def test_forward_and_lazy_init():
    m = Model()
    x = numpy.array([[1., 2.]], 'f')
    y = m(x)
    w1 = numpy.arange(6, dtype='f').reshape(3, 2)
    w2 = numpy.arange(3, dtype='f').reshape(1, 3)
    expected = (x @ w1.T) @ w2.T * 0.5
    numpy.testing.assert_allclose(y.array, expected)
    assert m.count_params() == 1 + 6 + 3 + 3 + 1


def test_cleargrads_addgrads_copyparams_recurse():
    a, b = Outer(), Outer()
    x = numpy.ones((2, 2), 'f')
    for m in (a, b):
        m.cleargrads()
        chainer.functions.sum(m.predictor(x)).backward()
    g = {p: v.grad.copy() for p, v in a.namedparams()}
    a.addgrads(b)
    for path, param in a.namedparams():
        numpy.testing.assert_allclose(param.grad, 2 * g[path])
    a.cleargrads()
    assert all(p.grad is None for p in a.params())
    b.predictor.l1.W.array[...] = 9
    b.predictor.l1.count = 5
    a.copyparams(b)
    numpy.testing.assert_array_equal(a.predictor.l1.W.array, 9)
    assert a.predictor.l1.count == 5
    b.predictor.l2.count = 7
    a.copyparams(b, copy_persistent=False)
    assert a.predictor.l2.count == 0


@pytest.mark.parametrize('mode', ['share', 'copy', 'init'])
def test_copy_recurses_into_children(mode):
    m = Outer()
    m.predictor.l1.W.grad = numpy.ones((3, 2), 'f')
    ret = m.copy(mode)
    assert type(ret) is Outer and ret.name is None
    p, q = m.predictor, ret.predictor
    assert q is not p and q.name == 'predictor'
    assert q.l1 is not p.l1 and q.l1.name == 'l1'
    assert ret._children == m._children and ret._children is not m._children
    assert [x for x, _ in ret.namedparams()] == \
        [x for x, _ in m.namedparams()]
    if mode == 'share':
        assert q.l1.W.array is p.l1.W.array and q.l1.W.grad is None
    else:
        assert q.l1.W.array is not p.l1.W.array
        numpy.testing.assert_array_equal(q.l1.W.array, p.l1.W.array)
    # Updating the copy affects the original only when shared.
    q.l1.W.array[0, 0] = 100
    assert (p.l1.W.array[0, 0] == 100) == (mode == 'share')


def test_copy_calls_childrens_copy():
    calls = []

    class Special(Leaf):
        def copy(self, mode='share'):
            calls.append(mode)
            return super(Special, self).copy(mode)

    c = chainer.Chain()
    with c.init_scope():
        c.x = Special()
    c.copy('share')
    assert calls == ['share']


@pytest.mark.parametrize('mode', ['copy', 'init'])
def test_deep_copy_keeps_references_to_children_consistent(mode):
    c = chainer.Chain()
    with c.init_scope():
        c.a = Leaf()
        c.b = Leaf()
    c.layers = [c.a, c.b]
    ret = c.copy(mode)
    assert ret.layers[0] is ret.a and ret.layers[1] is ret.b
    assert ret.a is not c.a and ret.a.name == 'a'


def test_repeat_chain():
    seq = Model().repeat(2, mode='copy')
    assert [p for p, _ in seq.namedparams()][:3] == \
        ['/0/s', '/0/l1/W', '/0/l1/b']
    assert seq[0].l1.W.array is not seq[1].l1.W.array


def test_update_enabled_recurses():
    class Rule(object):
        enabled = True

    m = Outer()
    assert not m.update_enabled
    for p in m.params():
        p.update_rule = Rule()
    assert m.update_enabled
    m.predictor.l1.disable_update()
    assert not m.predictor.l1.update_enabled and m.update_enabled
    m.disable_update()
    assert not m.update_enabled
    m.enable_update()
    assert all(p.update_rule.enabled for p in m.params())


def test_pickle_and_deepcopy():
    m = Outer()
    for other in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m)):
        assert [p for p, _ in other.namedparams()] == \
            [p for p, _ in m.namedparams()]
        numpy.testing.assert_array_equal(
            other.predictor.l1.W.array, m.predictor.l1.W.array)
    assert repr(chainer.Chain()).startswith('<chainer.link.Chain')
