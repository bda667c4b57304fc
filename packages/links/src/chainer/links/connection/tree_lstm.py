"""TreeLSTM units (``ChildSumTreeLSTM`` and ``NaryTreeLSTM``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import _rnn_state
from chainer.links.connection import linear


def _fill_missing(link, states, shape, dtype):
    # Missing children (None) contribute zero states.
    return tuple(_rnn_state.zeros(link, shape, dtype) if s is None else s
                 for s in states)


def _zero_input_if_missing(link, cs, hs, x):
    # As in v5, ``x=None`` means a zero input, batched like the first
    # given cell state (else output) of a child.
    if x is not None:
        return x
    given = [v for v in tuple(cs) + tuple(hs) if v is not None]
    if not given:
        raise ValueError('All inputs (cs, hs, x) are None.')
    return _rnn_state.zeros(
        link, (given[0].shape[0], link.in_size), given[0].dtype)


class ChildSumTreeLSTM(link.Chain):

    """Child-Sum TreeLSTM unit.

    .. warning::
       This feature is experimental. The interface can change in the
       future.

    Called as ``link(c_1, ..., c_n, h_1, ..., h_n, x)`` with the cell
    states and outputs of any number of children (possibly zero) and the
    input ``x``; returns the new ``(c, h)``. The result does not depend on
    the order of the children. The sum of the children's outputs feeds
    the cell input and the input and output gates; each child's output
    feeds its own forget gate.

    Args:
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the cell and output vectors.

    Attributes:
        W_x (~chainer.links.Linear): Input to ``a, i, o, f``
            (``4 * out_size``).
        W_h_aio (~chainer.links.Linear): Sum of the children's outputs to
            ``a, i, o`` (no bias).
        W_h_f (~chainer.links.Linear): Each child's output to its forget
            gate (no bias).

    See: `Improved Semantic Representations From Tree-Structured Long
    Short-Term Memory Networks <https://www.aclweb.org/anthology/P15-1150>`_
    """

    def __init__(self, in_size, out_size):
        super(ChildSumTreeLSTM, self).__init__()
        self.in_size = in_size
        self.state_size = out_size
        with self.init_scope():
            self.W_x = linear.Linear(in_size, 4 * out_size)
            self.W_h_aio = linear.Linear(out_size, 3 * out_size, nobias=True)
            self.W_h_f = linear.Linear(out_size, out_size, nobias=True)

    def forward(self, *cshsx):
        """Returns the new cell state and output ``(c, h)``.

        Args:
            cshsx (list of ~chainer.Variable): The children's cell states,
                then their outputs, then the input (``None``: zero).
        """
        F = chainer.functions
        if len(cshsx) % 2 != 1:
            raise ValueError(
                'ChildSumTreeLSTM takes the cell states and outputs of the '
                'children and one input: an odd number of arguments, got '
                '%d' % len(cshsx))
        n_children = (len(cshsx) - 1) // 2
        cs = cshsx[:n_children]
        hs = cshsx[n_children:-1]
        x = _zero_input_if_missing(self, cs, hs, cshsx[-1])
        n = self.state_size

        W_x_in = self.W_x(x)
        W_x_aio_in, W_x_f_in = F.split_axis(W_x_in, [3 * n], axis=1)
        if n_children == 0:
            a, i, o = F.split_axis(W_x_aio_in, 3, axis=1)
            c = F.sigmoid(i) * F.tanh(a)
            h = F.sigmoid(o) * F.tanh(c)
            return c, h

        shape = (x.shape[0], n)
        hs = _fill_missing(self, hs, shape, x.dtype)
        cs = _fill_missing(self, cs, shape, x.dtype)

        aio_in = self.W_h_aio(sum(hs)) + W_x_aio_in
        # One batched product for the forget gates of all children, laid
        # side by side as f_1, ..., f_n.
        W_h_fs_in = F.concat(F.split_axis(
            self.W_h_f(F.concat(hs, axis=0)), n_children, axis=0), axis=1)
        f_in = W_h_fs_in + F.tile(W_x_f_in, (1, n_children))
        tree_lstm_in = F.concat((aio_in, f_in), axis=1)
        return F.tree_lstm(*(cs + (tree_lstm_in,)))


class NaryTreeLSTM(link.Chain):

    """N-ary TreeLSTM unit.

    .. warning::
       This feature is experimental. The interface can change in the
       future.

    Called as ``link(c_1, ..., c_N, h_1, ..., h_N, x)`` with exactly
    ``n_ary`` children (``None`` for a missing one); each child position
    has its own weight ``W_h{k}`` to all the gates, so the order of the
    children matters. Returns the new ``(c, h)``.

    Args:
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the cell and output vectors.
        n_ary (int): Number of children of each node.

    Attributes:
        W_x (~chainer.links.Linear): Input to ``a, i, o, f_1..f_N``.
        W_h1, ..., W_hN (~chainer.links.Linear): Output of child ``k`` to
            all the gates (no bias).

    See: `Improved Semantic Representations From Tree-Structured Long
    Short-Term Memory Networks <https://www.aclweb.org/anthology/P15-1150>`_
    """

    def __init__(self, in_size, out_size, n_ary=2):
        if n_ary < 1:
            raise ValueError('n_ary must be at least 1, got %d' % n_ary)
        super(NaryTreeLSTM, self).__init__()
        self.in_size = in_size
        self.state_size = out_size
        self.n_ary = n_ary
        n_gates = (3 + n_ary) * out_size
        with self.init_scope():
            self.W_x = linear.Linear(in_size, n_gates)
            for k in range(1, n_ary + 1):
                setattr(self, 'W_h{}'.format(k),
                        linear.Linear(out_size, n_gates, nobias=True))

    def forward(self, *cshsx):
        """Returns the new cell state and output ``(c, h)``.

        Args:
            cshsx (list of ~chainer.Variable): The ``n_ary`` cell states,
                then the ``n_ary`` outputs (``None`` for missing
                children), then the input (``None``: zero).
        """
        if len(cshsx) != 2 * self.n_ary + 1:
            raise ValueError(
                'NaryTreeLSTM with n_ary=%d takes %d arguments (cell '
                'states, outputs, input), got %d'
                % (self.n_ary, 2 * self.n_ary + 1, len(cshsx)))
        cs = cshsx[:self.n_ary]
        hs = cshsx[self.n_ary:-1]
        x = _zero_input_if_missing(self, cs, hs, cshsx[-1])

        tree_lstm_in = self.W_x(x)
        for k, h in enumerate(hs, 1):
            if h is not None:
                tree_lstm_in += getattr(self, 'W_h{}'.format(k))(h)
        cs = _fill_missing(self, cs, (x.shape[0], self.state_size), x.dtype)
        return chainer.functions.tree_lstm(*(cs + (tree_lstm_in,)))
