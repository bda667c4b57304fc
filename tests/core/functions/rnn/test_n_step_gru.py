import pytest

import chainer
from chainer import functions
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
    rnn_ref['check_backward'](fn, 6, [hx], ws, bs, xs, 3)


def test_bad_weight_count(rnn_ref):
    hx, _, ws, bs, xs = rnn_ref['params'](1, 1, 4, 3, 6, [1])
    with pytest.raises(ValueError, match='6 arrays'):
        functions.n_step_gru(1, 0.0, hx, [ws[0] + ws[0][:2]], bs, xs)


@pytest.mark.parametrize('bi', [False, True])
def test_double_backward(rnn_ref, bi):
    fn = functions.n_step_bigru if bi else functions.n_step_gru
    rnn_ref['check_double'](fn, 6, False, bi, [3, 2, 1])
