import numpy

import chainer
from chainer import links
from chainer import testing


def _ref_step(link, c, h, x, sigmoid):
    n = link.state_size
    lin = x @ link.upward.W.array.T + link.upward.b.array
    if h is not None:
        lin = lin + h @ link.lateral.W.array.T
    r = lin.reshape(len(x), n, 4)
    a, i, f, o = (r[:, :, k] for k in range(4))
    i = sigmoid(i + c @ link.peep_i.W.array.T)
    f = sigmoid(f + c @ link.peep_f.W.array.T)
    c = numpy.tanh(a) * i + f * c
    o = sigmoid(o + c @ link.peep_o.W.array.T)
    return c, o * numpy.tanh(c)


def test_forward_matches_reference(ref_sigmoid):
    link = links.StatefulPeepholeLSTM(3, 2)
    link.upward.b.array[...] = numpy.random.uniform(-1, 1, 8)
    c = numpy.zeros((4, 2))
    h = None
    for _ in range(3):
        x = numpy.random.uniform(-1, 1, (4, 3)).astype('f')
        y = link(x)
        c, h = _ref_step(link, c, h, x, ref_sigmoid)
        testing.assert_allclose(h, y.array, atol=1e-5, rtol=1e-4)
        testing.assert_allclose(c, link.c.array, atol=1e-5, rtol=1e-4)


def test_structure_and_reset():
    link = links.StatefulPeepholeLSTM(3, 2)
    names = sorted(n for n, _ in link.namedparams())
    assert names == ['/lateral/W', '/peep_f/W', '/peep_i/W', '/peep_o/W',
                     '/upward/W', '/upward/b']
    link(numpy.ones((1, 3), 'f'))
    assert link.h is not None
    link.reset_state()
    assert link.c is None and link.h is None


def test_backward(check_two_step_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.StatefulPeepholeLSTM(2, 2)
    check_two_step_backward(link, (2, 2))


def test_serialize_round_trip(save_load):
    src = links.StatefulPeepholeLSTM(2, 3)
    dst = links.StatefulPeepholeLSTM(2, 3)
    assert len(save_load(src, dst)) == 6
    numpy.testing.assert_array_equal(dst.peep_o.W.array, src.peep_o.W.array)
