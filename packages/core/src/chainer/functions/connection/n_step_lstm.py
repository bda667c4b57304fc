"""Stacked uni- and bi-directional LSTM over variable-length sequences."""
from chainer.functions.connection import _nstep_rnn
from chainer.functions.connection import _rnn_cells


def n_step_lstm(n_layers, dropout_ratio, hx, cx, ws, bs, xs, **kwargs):
    """n_step_lstm(n_layers, dropout_ratio, hx, cx, ws, bs, xs)

    Stacked uni-directional Long Short-Term Memory function.

    For each time step and layer it computes

    .. math::

        i_t &= \\sigma(W_0 x_t + W_4 h_{t-1} + b_0 + b_4) \\\\
        f_t &= \\sigma(W_1 x_t + W_5 h_{t-1} + b_1 + b_5) \\\\
        a_t &= \\tanh(W_2 x_t + W_6 h_{t-1} + b_2 + b_6) \\\\
        o_t &= \\sigma(W_3 x_t + W_7 h_{t-1} + b_3 + b_7) \\\\
        c_t &= f_t c_{t-1} + i_t a_t, \\quad h_t = o_t \\tanh(c_t)

    This is the wiring of v5's code and of cuDNN (input, forget, cell,
    output); v5's own docstring swaps :math:`W_2` and :math:`W_3`, but
    weights saved from v5 follow its code, and so does this function.

    The input of layer :math:`k > 0` is :math:`h_t` of layer
    :math:`k - 1`; while training, dropout is applied to it (each
    direction draws its own mask); the input of the first layer is never
    dropped.

    Args:
        n_layers (int): Number of layers :math:`S`.
        dropout_ratio (float): Dropout ratio.
        hx (~chainer.Variable): Initial hidden states, :math:`(S, B, N)`.
        cx (~chainer.Variable): Initial cell states, :math:`(S, B, N)`.
        ws (list of lists of ~chainer.Variable): ``ws[k]`` holds the eight
            matrices :math:`W_0 .. W_7` of layer ``k``; :math:`W_0 .. W_3`
            of layer 0 are :math:`(N, I)`, all others :math:`(N, N)`.
        bs (list of lists of ~chainer.Variable): ``bs[k]`` holds the
            eight :math:`(N,)` biases of layer ``k``.
        xs (list of ~chainer.Variable): ``xs[t]`` is the :math:`(B_t, I)`
            input at time ``t``, with :math:`B_t \\geq B_{t+1}` (sequences
            sorted by decreasing length, then transposed).

    Returns:
        tuple: ``(hy, cy, ys)``: final hidden and cell states (shaped like
        ``hx``) and the tuple of last-layer outputs ``ys[t]``,
        :math:`(B_t, N)`.
    """
    return _nstep_rnn.apply_rnn(_rnn_cells.LSTMCell(), n_layers, 1,
                                dropout_ratio, hx, cx, ws, bs, xs, kwargs,
                                'n_step_lstm')


def n_step_bilstm(n_layers, dropout_ratio, hx, cx, ws, bs, xs, **kwargs):
    """n_step_bilstm(n_layers, dropout_ratio, hx, cx, ws, bs, xs)

    Stacked bi-directional Long Short-Term Memory function.

    As :func:`n_step_lstm`, with a forward and a backward LSTM per layer
    whose outputs are concatenated, :math:`h_t = [h^f_t; h^b_t]`.

    Args:
        n_layers (int): Number of layers :math:`S`.
        dropout_ratio (float): Dropout ratio.
        hx (~chainer.Variable): Initial hidden states, :math:`(2S, B, N)`;
            index ``2k`` is layer ``k`` forward, ``2k + 1`` backward.
        cx (~chainer.Variable): Initial cell states, like ``hx``.
        ws (list of lists of ~chainer.Variable): ``2S`` lists of eight
            matrices (same index order as ``hx``); input matrices of layers
            above the first are :math:`(N, 2N)`.
        bs (list of lists of ~chainer.Variable): ``2S`` lists of eight
            :math:`(N,)` biases.
        xs (list of ~chainer.Variable): Inputs :math:`(B_t, I)`, batch
            sizes non-increasing in ``t``.

    Returns:
        tuple: ``(hy, cy, ys)`` with ``ys[t]`` of shape :math:`(B_t, 2N)`.
    """
    return _nstep_rnn.apply_rnn(_rnn_cells.LSTMCell(), n_layers, 2,
                                dropout_ratio, hx, cx, ws, bs, xs, kwargs,
                                'n_step_bilstm')
