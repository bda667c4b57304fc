import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing


@pytest.mark.parametrize('bi', [False, True])
@pytest.mark.parametrize('sizes', [[2, 2], [3, 2, 1]])
def test_forward_backward(rnn_ref, bi, sizes):
    n_dirs = 2 if bi else 1
    hx, _, ws, bs, xs = rnn_ref['params'](2, n_dirs, 4, 3, 6, sizes)
    fn = functions.n_step_bigru if bi else functions.n_step_gru
    with chainer.using_config('train', False):
        hy, ys = fn(2, 0.3, hx, ws, bs, xs)
    ehy, _, eys = rnn_ref['run'](rnn_ref['gru'], 2, n_dirs, hx, None, ws,
                                 bs, xs)
    testing.assert_allclose(ehy, hy.array)
    for e, y in zip(eys, ys):
        testing.assert_allclose(e, y.array)

    n_w = len(ws) * 6

    def f(hx, *args):
        fw, fb, xs_ = args[:n_w], args[n_w:2 * n_w], args[2 * n_w:]
        hy, ys = fn(2, 0.0, hx, [fw[i:i + 6] for i in range(0, n_w, 6)],
                    [fb[i:i + 6] for i in range(0, n_w, 6)], list(xs_))
        return (hy,) + ys
    args = ([hx] + [w for lw in ws for w in lw] +
            [b for lw in bs for b in lw] + xs)
    rng = numpy.random.RandomState(3)
    gys = [rng.uniform(-1, 1, o.shape) for o in f(*args)]
    gradient_check.check_backward(f, tuple(args), tuple(gys),
                                  atol=1e-4, rtol=1e-3)


def test_bad_weight_count(rnn_ref):
    hx, _, ws, bs, xs = rnn_ref['params'](1, 1, 4, 3, 6, [1])
    with pytest.raises(ValueError, match='6 arrays'):
        functions.n_step_gru(1, 0.0, hx, [ws[0] + ws[0][:2]], bs, xs)


@pytest.mark.parametrize('bi', [False, True])
def test_double_backward(rnn_ref, bi):
    fn = functions.n_step_bigru if bi else functions.n_step_gru
    rnn_ref['check_double'](fn, 6, False, bi, [3, 2, 1])
