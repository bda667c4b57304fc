"""Stacked uni- and bi-directional GRU over variable-length sequences."""
from chainer.functions.connection import _nstep_rnn
from chainer.functions.connection import _rnn_cells


def n_step_gru(n_layers, dropout_ratio, hx, ws, bs, xs, **kwargs):
    """n_step_gru(n_layers, dropout_ratio, hx, ws, bs, xs)

    Stacked uni-directional Gated Recurrent Unit function.

    .. math::

        r_t &= \\sigma(W_0 x_t + W_3 h_{t-1} + b_0 + b_3) \\\\
        z_t &= \\sigma(W_1 x_t + W_4 h_{t-1} + b_1 + b_4) \\\\
        h'_t &= \\tanh(W_2 x_t + b_2 + r_t (W_5 h_{t-1} + b_5)) \\\\
        h_t &= (1 - z_t) h'_t + z_t h_{t-1}

    Args:
        n_layers (int): Number of layers :math:`S`.
        dropout_ratio (float): Dropout ratio of the inputs of the layers
            above the first (training only).
        hx (~chainer.Variable): Initial hidden states, :math:`(S, B, N)`.
        ws (list of lists of ~chainer.Variable): ``ws[k]`` holds the six
            matrices :math:`W_0 .. W_5` of layer ``k``.
        bs (list of lists of ~chainer.Variable): ``bs[k]`` holds six
            :math:`(N,)` biases.
        xs (list of ~chainer.Variable): Inputs :math:`(B_t, I)`, batch
            sizes non-increasing in ``t``.

    Returns:
        tuple: ``(hy, ys)``.
    """
    return _nstep_rnn.apply_rnn(_rnn_cells.GRUCell(), n_layers, 1,
                                dropout_ratio, hx, None, ws, bs, xs, kwargs,
                                'n_step_gru')


def n_step_bigru(n_layers, dropout_ratio, hx, ws, bs, xs, **kwargs):
    """n_step_bigru(n_layers, dropout_ratio, hx, ws, bs, xs)

    Stacked bi-directional Gated Recurrent Unit function.

    As :func:`n_step_gru` with a forward and a backward GRU per layer;
    ``hx`` is :math:`(2S, B, N)`, ``ws``/``bs`` have ``2S`` entries and
    ``ys[t]`` is :math:`(B_t, 2N)`.

    Returns:
        tuple: ``(hy, ys)``.
    """
    return _nstep_rnn.apply_rnn(_rnn_cells.GRUCell(), n_layers, 2,
                                dropout_ratio, hx, None, ws, bs, xs, kwargs,
                                'n_step_bigru')
