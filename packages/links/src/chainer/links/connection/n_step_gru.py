"""Stacked GRUs over variable-length sequences (``NStepGRU``,
``NStepBiGRU``)."""
import chainer.functions
from chainer.links.connection import n_step_rnn


class NStepGRUBase(n_step_rnn.NStepRNNBase):

    """Base of the stacked GRU links; six weights per layer and direction
    (``w0..w2`` read the input, ``w3..w5`` the hidden state)."""

    n_weights = 6


class NStepGRU(NStepGRUBase):

    """Stacked uni-directional GRU for sequences.

    Wraps :func:`~chainer.functions.n_step_gru`; called as
    ``hy, ys = link(hx, xs)`` like :class:`NStepRNNTanh`.

    Args:
        n_layers (int): Number of layers.
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the hidden states.
        dropout (float): Dropout ratio.
    """

    use_bi_direction = False

    def rnn(self, *args):
        return chainer.functions.n_step_gru(*args)


class NStepBiGRU(NStepGRUBase):

    """Stacked bi-directional GRU for sequences.

    Wraps :func:`~chainer.functions.n_step_bigru`; the outputs are the
    forward and backward states concatenated (``2 * out_size``).

    Args:
        n_layers (int): Number of layers.
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the hidden states.
        dropout (float): Dropout ratio.
    """

    use_bi_direction = True

    def rnn(self, *args):
        return chainer.functions.n_step_bigru(*args)
