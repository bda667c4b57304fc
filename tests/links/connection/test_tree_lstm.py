import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def _lin(l, v):
    y = v @ l.W.array.T
    return y if l.b is None else y + l.b.array


def _ref_child_sum(link, cs, hs, x, sigmoid):
    n = link.state_size
    wx = _lin(link.W_x, x)
    a, i, o, f_x = (wx[:, k * n:(k + 1) * n] for k in range(4))
    if hs:
        aio = _lin(link.W_h_aio, sum(hs))
        a = a + aio[:, :n]
        i = i + aio[:, n:2 * n]
        o = o + aio[:, 2 * n:]
    c = numpy.tanh(a) * sigmoid(i)
    for c_k, h_k in zip(cs, hs):
        c = c + c_k * sigmoid(f_x + _lin(link.W_h_f, h_k))
    return c, sigmoid(o) * numpy.tanh(c)


def _ref_nary(link, cs, hs, x, sigmoid):
    n = link.state_size
    g = _lin(link.W_x, x)
    for k, h in enumerate(hs, 1):
        if h is not None:
            g = g + _lin(getattr(link, 'W_h%d' % k), h)
    a, i, o = (g[:, k * n:(k + 1) * n] for k in range(3))
    c = numpy.tanh(a) * sigmoid(i)
    for k, c_k in enumerate(cs):
        if c_k is not None:
            c = c + c_k * sigmoid(g[:, (3 + k) * n:(4 + k) * n])
    return c, sigmoid(o) * numpy.tanh(c)


def _rand(*shape):
    return numpy.random.uniform(-1, 1, shape).astype('f')


def _check_forward(link, cs, hs, x, reference):
    # ``reference`` is the (c, h) computed by one of the _ref_* functions.
    c, h = link(*(cs + hs + [x]))
    ref_c, ref_h = reference
    testing.assert_allclose(ref_c, c.array, atol=1e-5, rtol=1e-4)
    testing.assert_allclose(ref_h, h.array, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize('n_children', [0, 1, 3])
def test_child_sum_forward(ref_sigmoid, n_children):
    link = links.ChildSumTreeLSTM(3, 2)
    link.W_x.b.array[...] = numpy.random.uniform(-1, 1, 8)
    cs = [_rand(4, 2) for _ in range(n_children)]
    hs = [_rand(4, 2) for _ in range(n_children)]
    x = _rand(4, 3)
    _check_forward(link, cs, hs, x,
                   _ref_child_sum(link, cs, hs, x, ref_sigmoid))


def test_child_sum_order_independent():
    link = links.ChildSumTreeLSTM(3, 2)
    c1, c2, h1, h2, x = _rand(2, 2), _rand(2, 2), _rand(2, 2), _rand(2, 2), \
        _rand(2, 3)
    ca, ha = link(c1, c2, h1, h2, x)
    cb, hb = link(c2, c1, h2, h1, x)
    testing.assert_allclose(ca.array, cb.array)
    testing.assert_allclose(ha.array, hb.array)


def test_child_sum_structure():
    link = links.ChildSumTreeLSTM(3, 2)
    assert link.W_x.W.shape == (8, 3)
    assert link.W_h_aio.W.shape == (6, 2) and link.W_h_aio.b is None
    assert link.W_h_f.W.shape == (2, 2) and link.W_h_f.b is None
    with pytest.raises(ValueError):
        link(_rand(1, 2), _rand(1, 3))


@pytest.mark.parametrize('missing', [(), (0,), (0, 1)])
def test_nary_forward(ref_sigmoid, missing):
    link = links.NaryTreeLSTM(3, 2, n_ary=2)
    cs = [None if k in missing else _rand(4, 2) for k in range(2)]
    hs = [None if k in missing else _rand(4, 2) for k in range(2)]
    x = _rand(4, 3)
    _check_forward(link, cs, hs, x, _ref_nary(link, cs, hs, x, ref_sigmoid))


def test_nary_structure_and_errors():
    link = links.NaryTreeLSTM(3, 2, n_ary=3)
    assert link.W_x.W.shape == (12, 3)
    for k in (1, 2, 3):
        w = getattr(link, 'W_h%d' % k)
        assert w.W.shape == (12, 2) and w.b is None
    with pytest.raises(ValueError):
        link(_rand(1, 2), _rand(1, 2), _rand(1, 3))
    with pytest.raises(ValueError):
        links.NaryTreeLSTM(3, 2, n_ary=0)


@pytest.mark.parametrize('make', [
    lambda: links.ChildSumTreeLSTM(2, 2),
    lambda: links.NaryTreeLSTM(2, 2, n_ary=2),
], ids=['child_sum', 'nary'])
def test_backward(make):
    # Two children: c1, c2, h1, h2 and x.
    with chainer.using_config('dtype', numpy.float64):
        link = make()
    args = [numpy.random.uniform(-1, 1, (2, 2)) for _ in range(5)]
    gc = numpy.random.uniform(-1, 1, (2, 2))
    gh = numpy.random.uniform(-1, 1, (2, 2))
    params = tuple(p for _, p in sorted(link.namedparams()))
    gradient_check.check_backward(link, tuple(args), (gc, gh), params,
                                  atol=1e-6, rtol=1e-5)


def test_serialize_keys(save_load):
    src = links.NaryTreeLSTM(2, 3)
    dst = links.NaryTreeLSTM(2, 3)
    assert sorted(save_load(src, dst)) == ['W_h1/W', 'W_h2/W', 'W_x/W',
                                           'W_x/b']


@pytest.mark.parametrize('make,given', [
    (lambda: links.ChildSumTreeLSTM(3, 2), (1, 3)),
    (lambda: links.NaryTreeLSTM(3, 2, n_ary=2), (1, 3)),
    (lambda: links.NaryTreeLSTM(3, 2, n_ary=2), (2,)),
], ids=['child_sum', 'nary', 'nary_only_h'])
def test_missing_input_is_zero(ref_sigmoid, make, given):
    # v5 takes x=None as a zero input batched like the first given state;
    # ``given`` lists which of c1, c2, h1, h2 are not None.
    link = make()
    link.W_x.b.array[...] = numpy.random.uniform(-1, 1, link.W_x.b.shape)
    args = [_rand(4, 2) if k in given else None for k in range(4)]
    cs, hs = args[:2], args[2:]
    c, h = link(*(cs + hs + [None]))
    zero = numpy.zeros((4, 3), numpy.float32)
    if isinstance(link, links.ChildSumTreeLSTM):
        ref = _ref_child_sum(
            link, [numpy.zeros((4, 2)) if v is None else v for v in cs],
            [numpy.zeros((4, 2)) if v is None else v for v in hs], zero,
            ref_sigmoid)
    else:
        ref = _ref_nary(link, cs, hs, zero, ref_sigmoid)
    assert c.dtype == numpy.float32
    testing.assert_allclose(ref[0], c.array, atol=1e-5, rtol=1e-4)
    testing.assert_allclose(ref[1], h.array, atol=1e-5, rtol=1e-4)


def test_all_inputs_missing():
    link = links.NaryTreeLSTM(3, 2, n_ary=1)
    with pytest.raises(ValueError, match='None'):
        link(None, None, None)
