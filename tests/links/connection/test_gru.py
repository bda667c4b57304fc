import numpy
import pytest

import chainer
from chainer import initializers
from chainer import links
from chainer import testing


def _lin(link, x):
    return x @ link.W.array.T + link.b.array


def _ref_gru(g, h, x, sigmoid):
    r = sigmoid(_lin(g.W_r, x) + _lin(g.U_r, h))
    z = sigmoid(_lin(g.W_z, x) + _lin(g.U_z, h))
    h_bar = numpy.tanh(_lin(g.W, x) + _lin(g.U, r * h))
    return (1 - z) * h + z * h_bar


def test_stateless_forward(ref_sigmoid):
    link = links.StatelessGRU(3, 2, bias_init=initializers.Uniform(1))
    h = numpy.random.uniform(-1, 1, (4, 2)).astype('f')
    x = numpy.random.uniform(-1, 1, (4, 3)).astype('f')
    testing.assert_allclose(_ref_gru(link, h, x, ref_sigmoid),
                            link(h, x).array, atol=1e-5, rtol=1e-4)


def test_structure_and_initializers():
    link = links.StatelessGRU(3, 2, init=initializers.Constant(2),
                              inner_init=initializers.Constant(3),
                              bias_init=0.5)
    for name in ('W_r', 'W_z', 'W'):
        assert getattr(link, name).W.shape == (2, 3)
        numpy.testing.assert_array_equal(getattr(link, name).W.array, 2)
    for name in ('U_r', 'U_z', 'U'):
        assert getattr(link, name).W.shape == (2, 2)
        numpy.testing.assert_array_equal(getattr(link, name).W.array, 3)
        numpy.testing.assert_array_equal(getattr(link, name).b.array, 0.5)


@pytest.mark.parametrize('cls', [links.StatefulGRU, links.GRU])
def test_stateful_forward(ref_sigmoid, cls):
    link = cls(3, 2)
    x0 = numpy.random.uniform(-1, 1, (4, 3)).astype('f')
    x1 = numpy.random.uniform(-1, 1, (4, 3)).astype('f')
    y0 = link(x0)
    # First step: no previous state, so h = z * h_bar.
    z = ref_sigmoid(_lin(link.W_z, x0))
    h = z * numpy.tanh(_lin(link.W, x0))
    testing.assert_allclose(h, y0.array, atol=1e-5, rtol=1e-4)
    y1 = link(x1)
    testing.assert_allclose(_ref_gru(link, h, x1, ref_sigmoid), y1.array,
                            atol=1e-5, rtol=1e-4)
    assert link.h is y1


def test_state_api():
    link = links.StatefulGRU(2, 3)
    h = chainer.Variable(numpy.ones((1, 3), 'f'))
    link.set_state(h)
    assert link.h is h
    link.reset_state()
    assert link.h is None
    assert link.state_size == 3
    with pytest.raises(TypeError):
        link.set_state(numpy.ones((1, 3), 'f'))


def test_gru_rejects_stateless_call():
    link = links.GRU(2, 3)
    with pytest.raises(ValueError, match='StatelessGRU'):
        link(numpy.zeros((1, 3), 'f'), numpy.zeros((1, 2), 'f'))
    with pytest.raises(ValueError):
        link()


def test_stateless_backward(check_link_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.StatelessGRU(2, 2)
    check_link_backward(link, (3, 2), (3, 2))


def test_serialize_keys(save_load):
    src = links.StatefulGRU(2, 3)
    dst = links.StatefulGRU(2, 3)
    keys = sorted(save_load(src, dst))
    assert keys == sorted('%s/%s' % (n, p) for n in (
        'W', 'U', 'W_r', 'U_r', 'W_z', 'U_z') for p in ('W', 'b'))


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.gru')


@pytest.mark.parametrize('cls', [links.StatelessGRU, links.StatefulGRU])
def test_seeded_weights_drawn_in_v5_order(cls):
    # v5 builds W_r, U_r, W_z, U_z, W, U in this order, so under the same
    # numpy seed each gets what a lone Linear made at that point gets.
    numpy.random.seed(5)
    gru = cls(3, 2)
    numpy.random.seed(5)
    lone = [links.Linear(n_in, 2) for n_in in (3, 2) * 3]
    for name, ref in zip(('W_r', 'U_r', 'W_z', 'U_z', 'W', 'U'), lone):
        numpy.testing.assert_array_equal(getattr(gru, name).W.array,
                                         ref.W.array)
