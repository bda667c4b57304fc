"""Stacked uni- and bi-directional Elman RNN over variable-length
sequences."""
from chainer.functions.connection import _nstep_rnn
from chainer.functions.connection import _rnn_cells


def _cell(activation):
    if activation not in ('tanh', 'relu'):
        raise ValueError('Activation function must be "tanh" or "relu", '
                         'not %r' % (activation,))
    return _rnn_cells.RNNCell(activation)


def n_step_rnn(n_layers, dropout_ratio, hx, ws, bs, xs, activation='tanh',
               **kwargs):
    """n_step_rnn(n_layers, dropout_ratio, hx, ws, bs, xs, activation='tanh')

    Stacked uni-directional RNN function,
    :math:`h_t = f(W_0 x_t + W_1 h_{t-1} + b_0 + b_1)`.

    Args:
        n_layers (int): Number of layers :math:`S`.
        dropout_ratio (float): Dropout ratio of the inputs of the layers
            above the first (training only).
        hx (~chainer.Variable): Initial hidden states, :math:`(S, B, N)`.
        ws (list of lists of ~chainer.Variable): ``ws[k]`` holds
            :math:`W_0` (:math:`(N, I)` for layer 0) and :math:`W_1`.
        bs (list of lists of ~chainer.Variable): ``bs[k]`` holds
            :math:`b_0, b_1`.
        xs (list of ~chainer.Variable): Inputs :math:`(B_t, I)`, batch
            sizes non-increasing in ``t``.
        activation (str): ``'tanh'`` or ``'relu'``.

    Returns:
        tuple: ``(hy, ys)``.
    """
    return _nstep_rnn.apply_rnn(_cell(activation), n_layers, 1,
                                dropout_ratio, hx, None, ws, bs, xs, kwargs,
                                'n_step_rnn')


def n_step_birnn(n_layers, dropout_ratio, hx, ws, bs, xs, activation='tanh',
                 **kwargs):
    """n_step_birnn(n_layers, dropout_ratio, hx, ws, bs, xs, \
activation='tanh')

    Stacked bi-directional RNN function: :func:`n_step_rnn` with a forward
    and a backward RNN per layer; ``hx`` is :math:`(2S, B, N)` and
    ``ys[t]`` is :math:`(B_t, 2N)`.

    Returns:
        tuple: ``(hy, ys)``.
    """
    return _nstep_rnn.apply_rnn(_cell(activation), n_layers, 2,
                                dropout_ratio, hx, None, ws, bs, xs, kwargs,
                                'n_step_birnn')
