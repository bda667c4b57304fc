import numpy
import pytest

import chainer


class Leaf(chainer.Link):

    def __init__(self, value=0.):
        super(Leaf, self).__init__()
        with self.init_scope():
            self.W = chainer.Parameter(numpy.full((2,), value, 'f'))
        self.add_persistent('mean', numpy.zeros(2, 'f'))

    def forward(self, x):
        return x * self.W


def _make():
    inner = chainer.ChainList(Leaf(2.), Leaf(3.))
    return chainer.ChainList(Leaf(1.), inner)


def test_list_interface():
    a, b = Leaf(), Leaf()
    cl = chainer.ChainList(a)
    cl.append(b)
    assert len(cl) == 2 and cl[0] is a and cl[1] is b and cl[-1] is b
    assert list(cl) == [a, b] and cl[0:2] == [a, b]
    assert a.name == '0' and b.name == '1'
    c = Leaf()
    cl.add_link(c)
    assert c.name == '2' and len(cl) == 3


def test_add_non_link_raises():
    with pytest.raises(TypeError):
        chainer.ChainList().append(numpy.zeros(1))


def test_assigning_link_in_init_scope_raises():
    cl = chainer.ChainList()
    with pytest.raises(TypeError, match='init_scope'):
        with cl.init_scope():
            cl.child = Leaf()
    # Parameters can still be registered on the ChainList itself.
    with cl.init_scope():
        cl.p = chainer.Parameter(numpy.zeros(1, 'f'))
    assert [n for n, _ in cl.namedparams()] == ['/p']


def test_paths():
    cl = _make()
    assert [n for n, _ in cl.namedparams()] == ['/0/W', '/1/0/W', '/1/1/W']
    inner = cl[1]
    assert list(cl.namedlinks()) == [
        ('/', cl), ('/0', cl[0]), ('/1', inner), ('/1/0', inner[0]),
        ('/1/1', inner[1])]
    assert list(cl.links(skipself=True)) == [cl[0], inner, inner[0],
                                             inner[1]]
    assert list(cl.children()) == [cl[0], inner]


def test_forward_through_children():
    cl = _make()
    x = numpy.array([1., 2.], 'f')
    y = cl[1][1](cl[1][0](cl[0](x)))
    numpy.testing.assert_array_equal(y.array, x * 1 * 2 * 3)


@pytest.mark.parametrize('mode', ['share', 'copy'])
def test_copy(mode):
    cl = _make()
    ret = cl.copy(mode)
    assert type(ret) is chainer.ChainList and ret.name is None
    assert len(ret) == 2 and ret._children is not cl._children
    assert [c.name for c in ret] == ['0', '1']
    assert ret[1][0] is not cl[1][0]
    shared = ret[1][0].W.array is cl[1][0].W.array
    assert shared == (mode == 'share')
    numpy.testing.assert_array_equal(ret[1][0].W.array, [2, 2])


def test_copyparams_addgrads_serialize_recurse():
    a, b = _make(), _make()
    b[1][1].W.array[...] = 8
    b[1][1].mean[...] = 4
    a.copyparams(b)
    numpy.testing.assert_array_equal(a[1][1].W.array, [8, 8])
    numpy.testing.assert_array_equal(a[1][1].mean, [4, 4])
    for m in (a, b):
        for p in m.params():
            p.grad = numpy.ones(2, 'f')
    a.addgrads(b)
    assert all((p.grad == 2).all() for p in a.params())
    target = {}
    a.serialize(chainer.serializers.DictionarySerializer(target))
    assert sorted(target) == ['0/W', '0/mean', '1/0/W', '1/0/mean',
                              '1/1/W', '1/1/mean']
    numpy.testing.assert_array_equal(target['1/1/W'], [8, 8])


def test_count_params_and_cleargrads():
    cl = _make()
    assert cl.count_params() == 6
    for p in cl.params():
        p.grad = numpy.ones(2, 'f')
    cl.cleargrads()
    assert all(p.grad is None for p in cl.params())
