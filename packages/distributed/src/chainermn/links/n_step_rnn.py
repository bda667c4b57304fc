"""NStep RNN links whose hidden states cross ranks."""
import chainer
from chainermn.functions import point_to_point_communication as _p2p
from chainermn.functions.pseudo_connect import pseudo_connect


class _MultiNodeNStepRNN(chainer.Chain):

    def __init__(self, link, communicator, rank_in, rank_out):
        from chainer.links.connection import n_step_rnn
        if not isinstance(link, n_step_rnn.NStepRNNBase):
            raise ValueError('link must be NStepRNN and its inherited link')
        super(_MultiNodeNStepRNN, self).__init__()
        with self.init_scope():
            self.actual_rnn = link
        self.communicator = communicator
        self.rank_in = rank_in
        self.rank_out = rank_out
        # 2 for LSTMs (hidden and cell states), 1 for the others.
        self.n_cells = link.n_cells

    def forward(self, *inputs):
        comm = self.communicator
        cells = [None] * self.n_cells
        if self.rank_in is not None:
            # Each receive is chained to the previous one, so backward
            # returns the gradients in the reverse order, as the sender's
            # chained sends expect them.
            prev = None
            for i in range(self.n_cells):
                prev = cells[i] = _p2p.recv(comm, rank=self.rank_in,
                                            delegate_variable=prev)
        outputs = self.actual_rnn(*(tuple(cells) + inputs))
        delegate = None
        if self.rank_out is not None:
            states = outputs[:-1]  # (hy,) or (hy, cy); the last is ys
            for i, state in enumerate(states):
                if delegate is not None:
                    state = pseudo_connect(delegate, state)
                delegate = _p2p.send(state, comm, rank=self.rank_out)
        return tuple(outputs) + (delegate,)


def create_multi_node_n_step_rnn(actual_link, communicator, rank_in=None,
                                 rank_out=None):
    """Wraps an NStep RNN link so its states come from/go to other ranks.

    The initial hidden (and, for LSTMs, cell) states are received from
    ``rank_in``, and the final ones are sent to ``rank_out`` (either may
    be ``None``), as in an encoder/decoder split over two processes.

    Args:
        actual_link: An ``NStepLSTM``/``NStepGRU``/``NStepRNN*`` link (or
            its bidirectional version).
        communicator (CommunicatorBase): ChainerMN communicator.
        rank_in (int): Rank sending the initial states, or ``None``.
        rank_out (int): Rank receiving the final states, or ``None``.

    Returns:
        A link called like ``actual_link`` (without the initial states),
        returning its outputs followed by a delegate variable (``None``
        if ``rank_out`` is ``None``).
    """
    chainer.utils.experimental('chainermn.links.create_multi_node_n_step_rnn')
    return _MultiNodeNStepRNN(actual_link, communicator, rank_in, rank_out)
