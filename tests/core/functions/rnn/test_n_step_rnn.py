import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing


@pytest.mark.parametrize('bi', [False, True])
@pytest.mark.parametrize('activation', ['tanh', 'relu'])
def test_forward_backward(rnn_ref, bi, activation):
    n_dirs = 2 if bi else 1
    hx, _, ws, bs, xs = rnn_ref['params'](2, n_dirs, 4, 3, 2, [3, 2, 2])
    fn = functions.n_step_birnn if bi else functions.n_step_rnn
    with chainer.using_config('train', False):
        hy, ys = fn(2, 0.3, hx, ws, bs, xs, activation=activation)
    ehy, _, eys = rnn_ref['run'](rnn_ref['rnn'](activation), 2, n_dirs, hx,
                                 None, ws, bs, xs)
    testing.assert_allclose(ehy, hy.array)
    for e, y in zip(eys, ys):
        testing.assert_allclose(e, y.array)
    rnn_ref['check_backward'](fn, 2, [hx], ws, bs, xs, 4,
                              {'activation': activation})


def test_bad_activation(rnn_ref):
    hx, _, ws, bs, xs = rnn_ref['params'](1, 1, 4, 3, 2, [1])
    with pytest.raises(ValueError, match='tanh'):
        functions.n_step_rnn(1, 0.0, hx, ws, bs, xs, activation='sigmoid')


@pytest.mark.parametrize('bi', [False, True])
@pytest.mark.parametrize('activation', ['tanh', 'relu'])
def test_double_backward(rnn_ref, bi, activation):
    fn = functions.n_step_birnn if bi else functions.n_step_rnn
    rnn_ref['check_double'](fn, 2, False, bi, [3, 2, 1],
                            activation=activation)


@pytest.mark.parametrize('kind', ['rnn', 'gru'])
def test_training_dropout_matches_v5(rnn_ref, v5_train_run, kind):
    # Shared dropout of the n_step functions, for the RNN and GRU cells:
    # layers above the first, one mask per direction, in v5's order.
    n_ws = 2 if kind == 'rnn' else 6
    cell = rnn_ref['rnn']('tanh') if kind == 'rnn' else rnn_ref['gru']
    fn = functions.n_step_birnn if kind == 'rnn' else functions.n_step_bigru
    hx, _, ws, bs, xs = rnn_ref['params'](2, 2, 4, 3, n_ws, [3, 3, 1])
    numpy.random.seed(2)
    hy, ys = fn(2, 0.3, hx, ws, bs, xs)
    ehy, _, eys = v5_train_run(cell, 2, 2, 0.3, hx, None, ws, bs, xs, 2)
    testing.assert_allclose(ehy, hy.array)
    for e, y in zip(eys, ys):
        testing.assert_allclose(e, y.array)
