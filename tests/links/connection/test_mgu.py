import numpy

import chainer
from chainer import links
from chainer import testing


def _ref_mgu(link, h, x, sigmoid):
    def lin(l, v):
        return v @ l.W.array.T + l.b.array
    f = sigmoid(lin(link.W_f, numpy.concatenate([h, x], axis=1)))
    h_bar = numpy.tanh(lin(link.W_h, numpy.concatenate([f * h, x], axis=1)))
    return (1 - f) * h + f * h_bar


def test_stateless_forward(ref_sigmoid):
    link = links.StatelessMGU(3, 2)
    assert link.W_f.W.shape == (2, 5)
    h = numpy.random.uniform(-1, 1, (4, 2)).astype('f')
    x = numpy.random.uniform(-1, 1, (4, 3)).astype('f')
    testing.assert_allclose(_ref_mgu(link, h, x, ref_sigmoid),
                            link(h, x).array, atol=1e-5, rtol=1e-4)


def test_stateful_forward(ref_sigmoid):
    link = links.StatefulMGU(3, 2)
    h = numpy.zeros((4, 2))
    for _ in range(2):
        x = numpy.random.uniform(-1, 1, (4, 3)).astype('f')
        y = link(x)
        h = _ref_mgu(link, h, x, ref_sigmoid)
        testing.assert_allclose(h, y.array, atol=1e-5, rtol=1e-4)
    link.reset_state()
    assert link.h is None
    state = chainer.Variable(numpy.ones((1, 2), 'f'))
    link.set_state(state)
    assert link.h is state


def test_backward(check_link_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.StatelessMGU(2, 2)
    check_link_backward(link, (3, 2), (3, 2))


def test_serialize_keys(save_load):
    src = links.StatefulMGU(2, 3)
    dst = links.StatefulMGU(2, 3)
    assert sorted(save_load(src, dst)) == ['W_f/W', 'W_f/b', 'W_h/W',
                                           'W_h/b']
