import numpy
import pytest

import chainer
from chainer import links
from chainer import testing


def _ref_step(link, c, h, x, sigmoid):
    n = link.state_size
    lin = x @ link.upward.W.array.T + link.upward.b.array + \
        h @ link.lateral.W.array.T
    r = lin.reshape(len(x), n, 4)
    a, i, f, o = (r[:, :, k] for k in range(4))
    c = numpy.tanh(a) * sigmoid(i) + sigmoid(f) * c
    return c, sigmoid(o) * numpy.tanh(c)


def test_test_mode_is_plain_lstm(ref_sigmoid):
    link = links.StatefulZoneoutLSTM(3, 2, c_ratio=0.3, h_ratio=0.7)
    c = numpy.zeros((2, 2))
    h = numpy.zeros((2, 2))
    with chainer.using_config('train', False):
        for _ in range(2):
            x = numpy.random.uniform(-1, 1, (2, 3)).astype('f')
            y = link(x)
            c, h = _ref_step(link, c, h, x, ref_sigmoid)
            testing.assert_allclose(h, y.array, atol=1e-5, rtol=1e-4)
            testing.assert_allclose(c, link.c.array, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize('ratio,keeps_old', [(1.0, True), (0.0, False)])
def test_training_zoneout_extremes(ref_sigmoid, ratio, keeps_old):
    link = links.StatefulZoneoutLSTM(3, 2, c_ratio=ratio, h_ratio=ratio)
    x0 = numpy.random.uniform(-1, 1, (2, 3)).astype('f')
    x1 = numpy.random.uniform(-1, 1, (2, 3)).astype('f')
    link(x0)
    c0, h0 = link.c.array.copy(), link.h.array.copy()
    y = link(x1)
    if keeps_old:
        # ratio 1: every unit keeps its previous (zero) state.
        testing.assert_allclose(h0, y.array)
        testing.assert_allclose(c0, link.c.array)
        numpy.testing.assert_array_equal(h0, 0)
    else:
        c, h = _ref_step(link, c0, h0, x1, ref_sigmoid)
        testing.assert_allclose(h, y.array, atol=1e-5, rtol=1e-4)


def test_state_api():
    link = links.StatefulZoneoutLSTM(2, 3)
    assert link.c_ratio == 0.5 and link.h_ratio == 0.5
    c = chainer.Variable(numpy.zeros((1, 3), 'f'))
    h = chainer.Variable(numpy.ones((1, 3), 'f'))
    link.set_state(c, h)
    assert link.h is h
    link.reset_state()
    assert link.c is None and link.h is None
    with pytest.raises(ValueError, match='train'):
        links.StatefulZoneoutLSTM(2, 3, train=True)
    with pytest.raises(TypeError):
        links.StatefulZoneoutLSTM(2, 3, foo=True)


def test_backward_reaches_parameters():
    link = links.StatefulZoneoutLSTM(2, 2, c_ratio=0.0, h_ratio=0.0)
    link.cleargrads()
    link(numpy.ones((1, 2), 'f'))
    y = link(numpy.ones((1, 2), 'f'))
    chainer.functions.sum(y).backward()
    assert numpy.abs(link.lateral.W.grad).sum() > 0
    assert numpy.abs(link.upward.W.grad).sum() > 0


def test_serialize_keys(save_load):
    src = links.StatefulZoneoutLSTM(2, 3)
    dst = links.StatefulZoneoutLSTM(2, 3)
    assert sorted(save_load(src, dst)) == ['lateral/W', 'upward/W',
                                           'upward/b']
