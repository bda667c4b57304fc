"""LSTM with zoneout (``chainer.links.StatefulZoneoutLSTM``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import _rnn_state
from chainer.links.connection import linear
from chainer.utils import argument


class StatefulZoneoutLSTM(_rnn_state.CellStateMixin, link.Chain):

    """Fully-connected LSTM layer regularized by zoneout.

    At each step, while training, each unit of the new cell state (and of
    the new output) keeps its previous value with probability ``c_ratio``
    (``h_ratio``) (:func:`~chainer.functions.zoneout`); at test time the
    states are plain LSTM states.

    Args:
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the output and cell vectors.
        c_ratio (float): Zoneout ratio of the cell state.
        h_ratio (float): Zoneout ratio of the output.

    Attributes:
        upward (~chainer.links.Linear): Input-to-gates connections.
        lateral (~chainer.links.Linear): Output-to-gates connections.
        c (~chainer.Variable): Cell state.
        h (~chainer.Variable): Output at the previous step.

    See: `Zoneout: Regularizing RNNs by Randomly Preserving Hidden
    Activations <https://arxiv.org/abs/1606.01305>`_
    """

    def __init__(self, in_size, out_size, c_ratio=0.5, h_ratio=0.5,
                 **kwargs):
        super(StatefulZoneoutLSTM, self).__init__()
        argument.check_unexpected_kwargs(
            kwargs, train='train argument is not supported anymore. '
                          'Use chainer.using_config')
        argument.assert_kwargs_empty(kwargs)
        self.c_ratio = c_ratio
        self.h_ratio = h_ratio
        self.state_size = out_size
        self.reset_state()
        with self.init_scope():
            self.upward = linear.Linear(in_size, 4 * out_size)
            self.lateral = linear.Linear(out_size, 4 * out_size, nobias=True)

    def forward(self, x):
        """Updates the internal state and returns the LSTM output.

        Args:
            x (~chainer.Variable or ndarray): Input ``(B, in_size)``.

        Returns:
            ~chainer.Variable: Output ``(B, out_size)`` at this step.
        """
        F = chainer.functions
        shape = (x.shape[0], self.state_size)
        lstm_in = self.upward(x)
        if self.h is not None:
            lstm_in += self.lateral(self.h)
        else:
            self.h = _rnn_state.zeros(self, shape, x.dtype)
        if self.c is None:
            self.c = _rnn_state.zeros(self, shape, x.dtype)
        a, i, f, o = _rnn_state.split_gates(F, lstm_in, self.state_size)
        c_next = F.tanh(a) * F.sigmoid(i) + F.sigmoid(f) * self.c
        h_next = F.sigmoid(o) * F.tanh(c_next)
        self.c = F.zoneout(self.c, c_next, self.c_ratio)
        self.h = F.zoneout(self.h, h_next, self.h_ratio)
        return self.h
