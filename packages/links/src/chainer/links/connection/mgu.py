"""Minimal gated unit layers (``StatelessMGU``, ``StatefulMGU``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import _rnn_state
from chainer.links.connection import linear


class MGUBase(link.Chain):

    """Parameters shared by the MGU layers.

    ``W_f`` (forget gate) and ``W_h`` (candidate state) both read the
    concatenation ``[h, x]`` of the state and the input.
    """

    def __init__(self, n_inputs, n_units):
        super(MGUBase, self).__init__()
        with self.init_scope():
            self.W_f = linear.Linear(n_inputs + n_units, n_units)
            self.W_h = linear.Linear(n_inputs + n_units, n_units)

    def _call_mgu(self, h, x):
        F = chainer.functions
        f = F.sigmoid(self.W_f(F.concat([h, x])))
        h_bar = F.tanh(self.W_h(F.concat([f * h, x])))
        return F.linear_interpolate(f, h_bar, h)


class StatelessMGU(MGUBase):

    """Stateless Minimal Gated Unit (MGU).

    .. math::
        f &= \\sigma(W_f [h, x] + b_f), \\quad
        \\bar{h} = \\tanh(W_h [f \\odot h, x] + b_h), \\\\
        h' &= (1 - f) \\odot h + f \\odot \\bar{h}.

    Args:
        n_inputs (int): Dimension of the input vectors.
        n_units (int): Dimension of the state vectors.

    See: `Minimal Gated Unit for Recurrent Neural Networks
    <https://arxiv.org/abs/1603.09420>`_
    """

    def forward(self, h, x):
        """Returns the new state from the previous state and the input."""
        return self._call_mgu(h, x)


class StatefulMGU(_rnn_state.HiddenStateMixin, MGUBase):

    """Stateful Minimal Gated Unit (MGU); keeps the state ``h``.

    The first call starts from a zero state.

    Args:
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the state vectors.

    Attributes:
        h (~chainer.Variable): The state (``None`` after reset).
    """

    def __init__(self, in_size, out_size):
        super(StatefulMGU, self).__init__(in_size, out_size)
        self._state_size = out_size
        self.reset_state()

    def forward(self, x):
        """Updates the internal state and returns it."""
        if self.h is None:
            h = _rnn_state.zeros(
                self, (x.shape[0], self._state_size), x.dtype)
        else:
            h = self.h
        self.h = self._call_mgu(h, x)
        return self.h
