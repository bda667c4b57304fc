import functools
import pickle

import numpy
import pytest

import chainer
import chainer.functions as F


class Affine(chainer.Link):

    def __init__(self, n_in, n_out, seed=0):
        super(Affine, self).__init__()
        rng = numpy.random.RandomState(seed)
        with self.init_scope():
            self.W = chainer.Parameter(
                rng.uniform(-1, 1, (n_out, n_in)).astype('f'))
            self.b = chainer.Parameter(numpy.zeros(n_out, 'f'))

    def forward(self, x):
        return F.matmul(x, self.W, transb=True) + F.broadcast_to(
            self.b, (x.shape[0], self.b.shape[0]))


def _split(x):
    return x[:, :1], x[:, 1:]


def _join(a, b):
    return F.concat((b, a), axis=1)


def test_forward_matches_manual_composition():
    l1, l2 = Affine(3, 4, 1), Affine(4, 2, 2)
    seq = chainer.Sequential(l1, F.relu, l2)
    x = numpy.random.RandomState(0).uniform(-1, 1, (5, 3)).astype('f')
    h = numpy.maximum(x @ l1.W.array.T, 0)
    numpy.testing.assert_allclose(seq(x).array, h @ l2.W.array.T, rtol=1e-6)


def test_tuple_outputs_are_unpacked():
    seq = chainer.Sequential(_split, _join)
    x = numpy.arange(6, dtype='f').reshape(2, 3)
    y = seq(x)
    numpy.testing.assert_array_equal(y.array, numpy.roll(x, -1, axis=1))
    # Several inputs go to the first layer.
    assert chainer.Sequential(lambda a, b: a * b)(3, 4) == 12


def test_children_named_by_link_position():
    a, b = Affine(3, 4), Affine(4, 2)
    seq = chainer.Sequential(a, F.relu, b)
    assert len(seq) == 3 and seq[1] is F.relu and list(seq) == [a, F.relu, b]
    assert list(seq.children()) == [a, b]
    assert a.name == '0' and b.name == '1'
    assert [n for n, _ in seq.namedparams()] == ['/0/W', '/0/b', '/1/W',
                                                 '/1/b']
    target = {}
    seq.serialize(chainer.serializers.DictionarySerializer(target))
    assert sorted(target) == ['0/W', '0/b', '1/W', '1/b']


def test_list_operations_keep_children_in_sync():
    a, b, c = Affine(1, 1), Affine(1, 1), Affine(1, 1)
    seq = chainer.Sequential(a)
    seq.append(F.relu)
    seq.insert(0, b)
    assert list(seq) == [b, a, F.relu]
    assert [c.name for c in seq.children()] == ['0', '1']
    seq.extend([c, F.tanh])
    # v5: c goes right after the first link (b), not after a.
    assert list(seq.children()) == [b, c, a] and c.name == '1'
    assert seq.index(F.relu) == 2 and seq.index(c, 1) == 3
    assert seq.count(F.relu) == 1
    assert seq.pop() is F.tanh
    assert seq.pop(0) is b
    assert list(seq.children()) == [c, a] and a.name == '1'
    seq.remove(F.relu)
    assert list(seq) == [a, c]
    seq[0] = F.sigmoid
    assert list(seq.children()) == [c] and c.name == '0'
    del seq[0]
    assert list(seq) == [c]
    assert c in seq and reversed(seq) is not None
    seq.clear()
    assert len(seq) == 0 and list(seq.children()) == []


def _bias_links(n):
    links = []
    for i in range(n):
        link = Affine(1, 1)
        link.b.array[...] = i
        links.append(link)
    return links


def test_appended_links_are_named_as_in_v5():
    # Chainer v5 (issue #6053): six appended links end up as children
    # [0, 5, 4, 3, 2, 1], so the saved key '1/b' holds the last layer.
    seq = chainer.Sequential()
    for link in _bias_links(6):
        seq.append(link)
    assert [int(c.b.array[0]) for c in seq.children()] == [0, 5, 4, 3, 2, 1]
    assert [int(layer.b.array[0]) for layer in seq] == [0, 1, 2, 3, 4, 5]
    target = {}
    seq.serialize(chainer.serializers.DictionarySerializer(target))
    assert [int(target['%d/b' % k][0]) for k in range(6)] == \
        [0, 5, 4, 3, 2, 1]


def test_functions_between_links_shift_the_v5_positions():
    # The position found is a layer index used as a child index: with two
    # functions in front, the links keep their layer order.
    l0, l1, l2 = _bias_links(3)
    seq = chainer.Sequential(F.relu, F.relu, l0, l1, l2)
    assert list(seq.children()) == [l0, l1, l2]
    seq = chainer.Sequential(l0, F.relu, l1, F.relu, l2)
    assert list(seq.children()) == [l0, l2, l1]
    assert (l0.name, l1.name, l2.name) == ('0', '2', '1')
    # Inserting at a negative index, as v5 does, counts the new layer.
    seq = chainer.Sequential(F.relu, l0)
    seq.insert(-1, l1)
    assert list(seq) == [F.relu, l1, l0]
    assert list(seq.children()) == [l0, l1]
    with pytest.raises(IndexError):
        seq.insert(10, Affine(1, 1))
    assert len(seq) == 3


def test_setitem_deletes_then_inserts_like_v5():
    l0, l1, l2 = _bias_links(3)
    seq = chainer.Sequential(l0, F.relu, F.tanh)
    seq[-1] = l1  # v5: tanh removed, l1 inserted before the new last
    assert list(seq) == [l0, l1, F.relu]
    seq[2] = l2
    assert list(seq) == [l0, l1, l2]
    assert list(seq.children()) == [l0, l2, l1]


def test_v5_snapshot_of_appended_layers_loads_in_v5_order(tmp_path):
    # A hand-built file with v5's keys for Sequential(A, relu, B, relu, C)
    # where A: 2->3, B: 3->4, C: 4->5. v5 stores C under '1' and B under
    # '2'; loading must give each layer its own weights.
    rng = numpy.random.RandomState(3)
    w = {n: rng.uniform(-1, 1, s).astype('f')
         for n, s in (('A', (3, 2)), ('B', (4, 3)), ('C', (5, 4)))}
    b = {n: rng.uniform(-1, 1, w[n].shape[0]).astype('f') for n in w}
    path = str(tmp_path / 'seq.npz')
    numpy.savez(path, **{'0/W': w['A'], '0/b': b['A'],
                         '1/W': w['C'], '1/b': b['C'],
                         '2/W': w['B'], '2/b': b['B']})
    seq = chainer.Sequential(Affine(2, 3), F.relu, Affine(3, 4), F.relu,
                             Affine(4, 5))
    chainer.serializers.load_npz(path, seq)
    x = rng.uniform(-1, 1, (2, 2)).astype('f')
    h = numpy.maximum(x @ w['A'].T + b['A'], 0)
    h = numpy.maximum(h @ w['B'].T + b['B'], 0)
    y = h @ w['C'].T + b['C']
    numpy.testing.assert_allclose(seq(x).array, y, rtol=1e-5)


def test_errors():
    seq = chainer.Sequential(F.relu)
    with pytest.raises(ValueError):
        seq.append(3)
    with pytest.raises(ValueError):
        seq.insert(0, 'not callable')
    with pytest.raises(ValueError):
        seq[5] = F.relu
    with pytest.raises(ValueError):
        seq.remove(F.tanh)
    with pytest.raises(ValueError):
        seq.index(F.tanh)
    with pytest.raises(ValueError):
        seq + [F.relu]
    with pytest.raises(ValueError):
        seq += [F.relu]
    with pytest.raises(TypeError):
        seq.add_link(F.relu)


def test_add_and_iadd():
    a, b = Affine(1, 1), Affine(1, 1)
    s1, s2 = chainer.Sequential(a, F.relu), chainer.Sequential(b)
    s3 = s1 + s2
    assert list(s3) == [a, F.relu, b] and len(s1) == 2
    s1 += s2
    assert list(s1) == [a, F.relu, b]
    assert [n for n, _ in s1.namedparams()][-1] == '/1/b'


def test_mul_repeats():
    seq = chainer.Sequential(Affine(2, 2), F.relu)
    for rep in (seq * 3, 3 * seq):
        assert len(rep) == 3
        assert all(isinstance(s, chainer.Sequential) for s in rep)
        assert rep[0][0] is not seq[0]


def test_count_and_remove_by_layer_type():
    seq = chainer.Sequential(Affine(2, 2), F.relu, Affine(2, 2), F.relu,
                             functools.partial(F.leaky_relu, slope=0.1))
    assert seq.count_by_layer_type('Affine') == 2
    assert seq.count_by_layer_type('relu') == 2
    assert seq.count_by_layer_type('leaky_relu') == 1
    seq.remove_by_layer_type('relu')
    assert len(seq) == 3 and seq.count_by_layer_type('relu') == 0
    assert [c.name for c in seq.children()] == ['0', '1']


@pytest.mark.parametrize('mode', ['share', 'copy', 'init'])
def test_copy(mode):
    seq = chainer.Sequential(Affine(2, 3), F.relu)
    ret = seq.copy(mode)
    assert type(ret) is chainer.Sequential and len(ret) == 2
    assert ret[1] is F.relu and ret[0] is not seq[0]
    assert (ret[0].W.array is seq[0].W.array) == (mode == 'share')
    with pytest.raises(ValueError):
        seq.copy('bad')


def test_flatten():
    inner = chainer.Sequential(Affine(2, 2), F.relu)
    outer = chainer.Sequential(Affine(2, 2), chainer.Sequential(inner),
                               F.tanh)
    flat = outer.flatten()
    types = [type(layer) for layer in flat]
    assert types == [Affine, Affine, type(F.relu), type(F.tanh)]
    assert flat[1] is inner[0]
    assert [n for n, _ in flat.namedparams()] == ['/0/W', '/0/b', '/1/W',
                                                  '/1/b']


def test_str():
    seq = chainer.Sequential(Affine(2, 3), F.relu,
                             chainer.Sequential(F.tanh))
    lines = str(seq).splitlines()
    assert lines[0] == '0\tAffine\tW(3, 2)\tb(3,)\t'
    assert lines[1] == '1\trelu'
    assert lines[2] == '2\tSequential\twhich has 1 layers'


def test_pickle():
    seq = chainer.Sequential(Affine(2, 3), F.relu)
    back = pickle.loads(pickle.dumps(seq))
    numpy.testing.assert_array_equal(back[0].W.array, seq[0].W.array)
    assert [n for n, _ in back.namedparams()] == ['/0/W', '/0/b']
    with pytest.raises(ValueError, match='lambda'):
        pickle.dumps(chainer.Sequential(lambda x: x))


def test_repeat_of_link_and_hooks():
    seq = Affine(2, 2).repeat(2)
    assert [n for n, _ in seq.namedparams()] == ['/0/W', '/0/b', '/1/W',
                                                 '/1/b']
    calls = []

    class Hook(chainer.LinkHook):
        def forward_preprocess(self, args):
            calls.append(type(args.link).__name__)

    with Hook():
        seq(numpy.ones((1, 2), 'f'))
    assert calls == ['Sequential', 'Affine', 'Affine']
