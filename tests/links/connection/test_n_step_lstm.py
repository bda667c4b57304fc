import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


@pytest.mark.parametrize('cls', [links.NStepLSTM, links.NStepBiLSTM])
@pytest.mark.parametrize('with_state', [False, True])
def test_forward_matches_reference(ref_nstep, randomize_nstep_biases, cls,
                                   with_state):
    link = cls(2, 3, 2, 0.0)
    randomize_nstep_biases(link)
    n_dir = link.direction
    xs = [numpy.random.uniform(-1, 1, (n, 3)).astype('f') for n in (1, 3, 2)]
    shape = (2 * n_dir, 3, 2)
    if with_state:
        hx = numpy.random.uniform(-1, 1, shape).astype('f')
        cx = numpy.random.uniform(-1, 1, shape).astype('f')
    else:
        hx = cx = None
    hy, cy, ys = link(hx, cx, xs)
    ref_hy, ref_cy, ref_ys = ref_nstep(
        link, 'lstm', numpy.zeros(shape) if hx is None else hx,
        numpy.zeros(shape) if cx is None else cx, xs)
    testing.assert_allclose(ref_hy, hy.array, atol=1e-5, rtol=1e-4)
    testing.assert_allclose(ref_cy, cy.array, atol=1e-5, rtol=1e-4)
    for y, r in zip(ys, ref_ys):
        testing.assert_allclose(r, y.array, atol=1e-5, rtol=1e-4)


def test_parameters():
    link = links.NStepBiLSTM(2, 3, 4, 0.0)
    assert len(link) == 4
    assert link.n_cells == 2
    for j in range(4):
        assert getattr(link[0], 'w%d' % j).shape == (4, 3)
        assert getattr(link[2], 'w%d' % j).shape == (4, 8)
    for j in range(4, 8):
        assert getattr(link[3], 'w%d' % j).shape == (4, 4)
    assert len(list(link.params())) == 4 * 16


def test_init_hx():
    link = links.NStepLSTM(2, 3, 4, 0.0)
    hx = link.init_hx([numpy.zeros((2, 3), 'f')] * 5)
    assert hx.shape == (2, 5, 4)
    numpy.testing.assert_array_equal(hx.array, 0)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.NStepLSTM(2, 2, 2, 0.0)
    xs = [numpy.random.uniform(-1, 1, (n, 2)) for n in (2, 3)]
    gys = [numpy.random.uniform(-1, 1, (n, 2)) for n in (2, 3)]
    gh = numpy.random.uniform(-1, 1, (2, 2, 2))

    def f(x0, x1):
        hy, cy, ys = link(None, None, [x0, x1])
        return (hy,) + tuple(ys)

    params = tuple(p for _, p in sorted(link.namedparams()))
    gradient_check.check_backward(f, tuple(xs), (gh,) + tuple(gys), params,
                                  atol=1e-6, rtol=1e-5)


def test_dropout_only_while_training():
    link = links.NStepLSTM(2, 3, 3, 0.9)
    xs = [numpy.ones((2, 3), 'f')]
    with chainer.using_config('train', False):
        y1 = link(None, None, xs)[2][0].array
        y2 = link(None, None, xs)[2][0].array
    numpy.testing.assert_array_equal(y1, y2)


def test_serialize_keys(save_load):
    src = links.NStepBiLSTM(1, 2, 3, 0.0)
    dst = links.NStepBiLSTM(1, 2, 3, 0.0)
    keys = save_load(src, dst)
    assert sorted(keys) == sorted('%d/%s%d' % (k, p, j) for k in range(2)
                                  for p in 'wb' for j in range(8))
    numpy.testing.assert_array_equal(dst[1].w7.array, src[1].w7.array)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.n_step_lstm')
