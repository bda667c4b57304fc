"""LSTM with peephole connections (``chainer.links.StatefulPeepholeLSTM``).
"""
import chainer.functions
from chainer import link
from chainer.links.connection import _rnn_state
from chainer.links.connection import linear


class StatefulPeepholeLSTM(_rnn_state.StatefulMixin, link.Chain):

    """Fully-connected LSTM layer with peephole connections.

    Like :class:`~chainer.links.LSTM`, but the input and forget gates also
    see the previous cell state and the output gate the new one, through
    the square matrices ``peep_i``, ``peep_f`` and ``peep_o``:

    .. math::
        i &= \\sigma(U_i x + L_i h + P_i c_{prev}), \\quad
        f = \\sigma(U_f x + L_f h + P_f c_{prev}), \\\\
        c &= \\tanh(U_a x + L_a h) i + c_{prev} f, \\quad
        h_{new} = \\sigma(U_o x + L_o h + P_o c) \\tanh(c).

    Args:
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the output and cell vectors.

    Attributes:
        upward (~chainer.links.Linear): Input-to-gates connections.
        lateral (~chainer.links.Linear): Output-to-gates connections.
        peep_i (~chainer.links.Linear): Cell-to-input-gate peephole.
        peep_f (~chainer.links.Linear): Cell-to-forget-gate peephole.
        peep_o (~chainer.links.Linear): Cell-to-output-gate peephole.
        c (~chainer.Variable): Cell state.
        h (~chainer.Variable): Output at the previous step.

    See: `Learning Precise Timing with LSTM Recurrent Networks
    <http://www.jmlr.org/papers/v3/gers02a.html>`_
    """

    # v5's peephole LSTM has no set_state.
    _state_names = ('c', 'h')

    def __init__(self, in_size, out_size):
        super(StatefulPeepholeLSTM, self).__init__()
        self.state_size = out_size
        self.reset_state()
        with self.init_scope():
            self.upward = linear.Linear(in_size, 4 * out_size)
            self.lateral = linear.Linear(out_size, 4 * out_size, nobias=True)
            self.peep_i = linear.Linear(out_size, out_size, nobias=True)
            self.peep_f = linear.Linear(out_size, out_size, nobias=True)
            self.peep_o = linear.Linear(out_size, out_size, nobias=True)

    def forward(self, x):
        """Updates the internal state and returns the LSTM output.

        Args:
            x (~chainer.Variable or ndarray): Input ``(B, in_size)``.

        Returns:
            ~chainer.Variable: Output ``(B, out_size)`` at this step.
        """
        F = chainer.functions
        lstm_in = self.upward(x)
        if self.h is not None:
            lstm_in += self.lateral(self.h)
        if self.c is None:
            self.c = _rnn_state.zeros(
                self, (x.shape[0], self.state_size), x.dtype)
        a, i, f, o = _rnn_state.split_gates(F, lstm_in, self.state_size)
        a = F.tanh(a)
        i = F.sigmoid(i + self.peep_i(self.c))
        f = F.sigmoid(f + self.peep_f(self.c))
        self.c = a * i + f * self.c
        o = F.sigmoid(o + self.peep_o(self.c))
        self.h = o * F.tanh(self.c)
        return self.h
