"""Stacked LSTMs over variable-length sequences (``NStepLSTM``,
``NStepBiLSTM``)."""
import chainer.functions
from chainer.links.connection import n_step_rnn


class NStepLSTMBase(n_step_rnn.NStepRNNBase):

    """Base of the stacked LSTM links; eight weights per layer and
    direction (``w0..w3`` read the input, ``w4..w7`` the hidden state)."""

    n_weights = 8

    @property
    def n_cells(self):
        """Number of state arrays: 2 (hidden and cell)."""
        return 2

    def forward(self, hx, cx, xs, **kwargs):
        """Computes the stacked LSTM over a batch of sequences.

        Args:
            hx (~chainer.Variable or None): Initial hidden states
                ``(n_layers * n_directions, batch, out_size)`` (zero if
                ``None``).
            cx (~chainer.Variable or None): Initial cell states, shaped
                like ``hx`` (zero if ``None``).
            xs (list of ~chainer.Variable or ndarray): The input sequences
                ``(length_i, in_size)``, in any order of lengths.

        Returns:
            tuple: ``(hy, cy, ys)``: the final hidden and cell states and
            the list of output sequences.
        """
        (hy, cy), ys = self._call([hx, cx], xs, **kwargs)
        return hy, cy, ys


class NStepLSTM(NStepLSTMBase):

    """Stacked uni-directional LSTM for sequences.

    Wraps :func:`~chainer.functions.n_step_lstm`. The sequences of a batch
    may have different lengths and come in any order.

    Args:
        n_layers (int): Number of layers.
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the hidden states.
        dropout (float): Dropout ratio.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> lstm = L.NStepLSTM(1, 3, 4, 0.0)
        >>> xs = [numpy.ones((n, 3), numpy.float32) for n in (3, 1)]
        >>> hy, cy, ys = lstm(None, None, xs)
        >>> hy.shape, cy.shape, [y.shape for y in ys]
        ((1, 2, 4), (1, 2, 4), [(3, 4), (1, 4)])

    """

    use_bi_direction = False

    def rnn(self, *args):
        return chainer.functions.n_step_lstm(*args)


class NStepBiLSTM(NStepLSTMBase):

    """Stacked bi-directional LSTM for sequences.

    Wraps :func:`~chainer.functions.n_step_bilstm`; the outputs are the
    forward and backward states concatenated (``2 * out_size``).

    Args:
        n_layers (int): Number of layers.
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the hidden states.
        dropout (float): Dropout ratio.
    """

    use_bi_direction = True

    def rnn(self, *args):
        return chainer.functions.n_step_bilstm(*args)
