import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing

CASES = [(links.NStepRNNTanh, 'tanh'), (links.NStepRNNReLU, 'relu'),
         (links.NStepBiRNNTanh, 'tanh'), (links.NStepBiRNNReLU, 'relu')]


@pytest.mark.parametrize('cls,kind', CASES)
@pytest.mark.parametrize('with_hx', [False, True])
def test_forward_matches_reference(ref_nstep, randomize_nstep_biases, cls,
                                   kind, with_hx):
    link = cls(2, 3, 4, 0.0)
    randomize_nstep_biases(link)
    n_dir = 2 if cls.use_bi_direction else 1
    # Lengths out of order: the link sorts and restores the batch.
    xs = [numpy.random.uniform(-1, 1, (n, 3)).astype('f') for n in (2, 4, 1)]
    hx = numpy.random.uniform(-1, 1, (2 * n_dir, 3, 4)).astype('f') \
        if with_hx else None
    hy, ys = link(hx, xs)
    hx_ref = hx if with_hx else numpy.zeros((2 * n_dir, 3, 4))
    ref_hy, _, ref_ys = ref_nstep(link, kind, hx_ref, None, xs)
    testing.assert_allclose(ref_hy, hy.array, atol=1e-5, rtol=1e-4)
    assert len(ys) == 3
    for y, r in zip(ys, ref_ys):
        assert y.shape == (r.shape[0], 4 * n_dir)
        testing.assert_allclose(r, y.array, atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize('cls,bi', [(links.NStepRNNTanh, False),
                                    (links.NStepBiRNNReLU, True)])
def test_parameters_named_as_v5(cls, bi):
    link = cls(2, 3, 4, 0.5)
    n_dir = 2 if bi else 1
    assert len(link) == 2 * n_dir
    assert link.n_layers == 2 and link.out_size == 4
    assert link.dropout == 0.5 and link.direction == n_dir
    names = sorted(n for n, _ in link.namedparams())
    assert names == sorted('/%d/%s%d' % (k, p, j) for k in range(2 * n_dir)
                           for p in 'wb' for j in range(2))
    assert link[0].w0.shape == (4, 3)
    assert link[0].w1.shape == (4, 4)
    assert link[n_dir].w0.shape == (4, 4 * n_dir)
    numpy.testing.assert_array_equal(link[0].b0.array, 0)
    assert link.ws[0][0] is link[0].w0
    assert link.bs[-1][1] is link[-1].b1
    assert link.n_cells == 1


def test_initial_weight_scale():
    link = links.NStepRNNTanh(1, 400, 300, 0.0)
    std = float(link[0].w0.array.std())
    assert abs(std - numpy.sqrt(1. / 400)) < 0.005


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.NStepBiRNNTanh(1, 2, 2, 0.0)
    xs = [numpy.random.uniform(-1, 1, (n, 2)) for n in (1, 3)]
    hx = numpy.random.uniform(-1, 1, (2, 2, 2))
    gh = numpy.random.uniform(-1, 1, (2, 2, 2))
    gys = [numpy.random.uniform(-1, 1, (n, 4)) for n in (1, 3)]

    def f(hx, x0, x1):
        hy, ys = link(hx, [x0, x1])
        return (hy,) + tuple(ys)

    params = tuple(p for _, p in sorted(link.namedparams()))
    gradient_check.check_backward(f, (hx,) + tuple(xs), (gh,) + tuple(gys),
                                  params, atol=1e-6, rtol=1e-5)


def test_bad_arguments():
    with pytest.raises(ValueError, match='use_cudnn'):
        links.NStepRNNTanh(1, 2, 2, 0.0, use_cudnn=True)
    with pytest.raises(TypeError):
        links.NStepRNNTanh(1, 2, 2, 0.0, foo=True)
    link = links.NStepRNNTanh(1, 2, 2, 0.0)
    with pytest.raises(TypeError):
        link(None, numpy.zeros((2, 3, 2), 'f'))
    with pytest.raises(ValueError, match='train'):
        link(None, [numpy.zeros((3, 2), 'f')], train=True)


def test_serialize_round_trip(save_load):
    src = links.NStepRNNReLU(2, 3, 4, 0.0)
    dst = links.NStepRNNReLU(2, 3, 4, 0.0)
    entries = save_load(src, dst)
    assert sorted(entries) == ['0/b0', '0/b1', '0/w0', '0/w1',
                               '1/b0', '1/b1', '1/w0', '1/w1']
    numpy.testing.assert_array_equal(dst[1].w0.array, src[1].w0.array)
    # ws reads the loaded parameters.
    numpy.testing.assert_array_equal(dst.ws[1][0].array, src[1].w0.array)


def test_copy_has_its_own_weights():
    link = links.NStepRNNTanh(1, 2, 2, 0.0)
    deep = link.copy(mode='copy')
    assert deep.ws[0][0] is deep[0].w0
    assert deep.ws[0][0] is not link[0].w0


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.n_step_rnn')


@pytest.mark.parametrize('cls,n_ws', [(links.NStepBiLSTM, 8),
                                      (links.NStepGRU, 6),
                                      (links.NStepBiRNNTanh, 2)])
def test_seeded_weights_drawn_in_v5_order(cls, n_ws):
    # v5 draws w0, w1, ... of layer 0 (forward, then backward), then of
    # layer 1, each from Normal(sqrt(1 / n_in)), biases being zero.
    numpy.random.seed(9)
    link = cls(2, 3, 4, 0.0)
    numpy.random.seed(9)
    n_dirs = link.direction
    for k, layer in enumerate(link):
        for j in range(n_ws):
            if j >= n_ws // 2:
                n_in = 4
            else:
                n_in = 3 if k < n_dirs else 4 * n_dirs
            want = numpy.empty((4, n_in), numpy.float32)
            chainer.initializers.Normal(numpy.sqrt(1. / n_in))(want)
            numpy.testing.assert_array_equal(
                getattr(layer, 'w%d' % j).array, want)
            numpy.testing.assert_array_equal(
                getattr(layer, 'b%d' % j).array, 0)
