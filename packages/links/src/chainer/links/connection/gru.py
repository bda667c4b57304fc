"""Gated recurrent unit layers (``StatelessGRU``, ``StatefulGRU``, ``GRU``).
"""
import chainer.functions
from chainer import link
from chainer.links.connection import _rnn_state
from chainer.links.connection import linear


class GRUBase(link.Chain):

    """Parameters shared by the GRU layers.

    ``W_r``, ``W_z`` and ``W`` map the input and ``U_r``, ``U_z`` and ``U``
    the previous state, to the reset gate, the update gate and the
    candidate state; all six have a bias.
    """

    def __init__(self, in_size, out_size, init=None, inner_init=None,
                 bias_init=None):
        super(GRUBase, self).__init__()
        # v5's order of creation, so a seeded numpy draws the same
        # initial weights: W_r, U_r, W_z, U_z, W, U.
        with self.init_scope():
            for suffix in ('_r', '_z', ''):
                setattr(self, 'W' + suffix, linear.Linear(
                    in_size, out_size, initialW=init,
                    initial_bias=bias_init))
                setattr(self, 'U' + suffix, linear.Linear(
                    out_size, out_size, initialW=inner_init,
                    initial_bias=bias_init))


class StatelessGRU(GRUBase):

    """Stateless Gated Recurrent Unit function (GRU).

    Given the previous state :math:`h` and the input :math:`x` it returns

    .. math::
        r &= \\sigma(W_r x + U_r h), \\quad z = \\sigma(W_z x + U_z h), \\\\
        \\bar{h} &= \\tanh(W x + U (r \\odot h)), \\quad
        h' = (1 - z) \\odot h + z \\odot \\bar{h}.

    Args:
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the state vectors.
        init: Initializer of the input weights ``W_r``, ``W_z``, ``W``.
        inner_init: Initializer of the state weights ``U_r``, ``U_z``,
            ``U``.
        bias_init: Initializer of all the biases (default zero).

    See: `On the Properties of Neural Machine Translation
    <https://www.aclweb.org/anthology/W14-4012>`_

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> gru = L.StatelessGRU(3, 2)
        >>> h = numpy.zeros((1, 2), numpy.float32)
        >>> gru(h, numpy.zeros((1, 3), numpy.float32)).shape
        (1, 2)

    """

    def forward(self, h, x):
        """Returns the new state from the previous state and the input."""
        F = chainer.functions
        r = F.sigmoid(self.W_r(x) + self.U_r(h))
        z = F.sigmoid(self.W_z(x) + self.U_z(h))
        h_bar = F.tanh(self.W(x) + self.U(r * h))
        return F.linear_interpolate(z, h_bar, h)


class StatefulGRU(_rnn_state.HiddenStateMixin, GRUBase):

    """Stateful Gated Recurrent Unit function (GRU).

    Keeps the state ``h`` between calls; the update is that of
    :class:`StatelessGRU`, with a zero state at the first call (then
    :math:`h' = z \\odot \\bar{h}` without the ``U`` terms).

    Args:
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the state vectors.
        init: Initializer of the input weights.
        inner_init: Initializer of the state weights.
        bias_init: Initializer of all the biases (default zero).

    Attributes:
        h (~chainer.Variable): The state (``None`` after reset).

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> gru = L.StatefulGRU(3, 2)
        >>> gru(numpy.zeros((4, 3), numpy.float32)).shape
        (4, 2)
        >>> gru.h.shape
        (4, 2)

    """

    def __init__(self, in_size, out_size, init=None, inner_init=None,
                 bias_init=0):
        super(StatefulGRU, self).__init__(
            in_size, out_size, init, inner_init, bias_init)
        self.state_size = out_size
        self.reset_state()

    def forward(self, x):
        """Updates the internal state and returns it."""
        F = chainer.functions
        z = self.W_z(x)
        h_bar = self.W(x)
        if self.h is not None:
            r = F.sigmoid(self.W_r(x) + self.U_r(self.h))
            z += self.U_z(self.h)
            h_bar += self.U(r * self.h)
        z = F.sigmoid(z)
        h_bar = F.tanh(h_bar)
        if self.h is not None:
            h_new = F.linear_interpolate(z, h_bar, self.h)
        else:
            h_new = z * h_bar
        self.h = h_new
        return self.h


class GRU(StatefulGRU):

    """Stateful Gated Recurrent Unit function (GRU); an alias of
    :class:`StatefulGRU`.

    .. warning::
       In Chainer v1 ``GRU`` was stateless; since v2 it is stateful, as
       :class:`~chainer.links.LSTM` is. Use :class:`StatelessGRU` for the
       old behaviour.
    """

    def forward(self, *args):
        """Updates the internal state and returns it (one input ``x``)."""
        n_args = len(args)
        msg = ('Invalid argument. The length of GRU.__call__ must be 1. '
               'But %d is given. ' % n_args)
        if n_args == 0 or n_args >= 3:
            raise ValueError(msg)
        elif n_args == 2:
            msg += ('In Chainer v2, chainer.links.GRU is changed '
                    'from stateless to stateful. '
                    'One possibility is you assume that '
                    'chainer.links.GRU is a stateless. '
                    'Use chainer.links.StatelessGRU instead.')
            raise ValueError(msg)
        return super(GRU, self).forward(args[0])
