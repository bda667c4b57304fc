"""Fully-connected LSTM layers (``LSTM`` and ``StatelessLSTM``)."""
import chainer
from chainer.backends import cuda
import chainer.functions
from chainer import initializers
from chainer import link
from chainer.links.connection import _rnn_state
from chainer.links.connection import linear


class LSTMBase(link.Chain):

    """Parameters shared by :class:`LSTM` and :class:`StatelessLSTM`.

    ``upward`` maps the input and ``lateral`` the previous output to the
    ``4 * out_size`` gate inputs laid out as
    :func:`~chainer.functions.lstm` expects (``a, i, f, o`` of each unit
    side by side). Each gate's block of rows of the weights is filled by
    its own call of the initializer.
    """

    def __init__(self, in_size, out_size=None, lateral_init=None,
                 upward_init=None, bias_init=None, forget_bias_init=None):
        super(LSTMBase, self).__init__()
        if out_size is None:
            out_size, in_size = in_size, None
        self.state_size = out_size
        self.lateral_init = lateral_init
        self.upward_init = upward_init
        # v5 keeps the defaults themselves in these attributes.
        self.bias_init = 0 if bias_init is None else bias_init
        self.forget_bias_init = (
            1 if forget_bias_init is None else forget_bias_init)

        with self.init_scope():
            self.upward = linear.Linear(in_size, 4 * out_size, initialW=0)
            self.lateral = linear.Linear(
                out_size, 4 * out_size, initialW=0, nobias=True)
            if in_size is not None:
                self._initialize_params()

    def _initialize_params(self):
        lateral_init = initializers._get_initializer(self.lateral_init)
        upward_init = initializers._get_initializer(self.upward_init)
        bias_init = initializers._get_initializer(self.bias_init)
        forget_bias_init = initializers._get_initializer(
            self.forget_bias_init)

        n = self.state_size
        for i in range(0, 4 * n, n):
            lateral_init(self.lateral.W.array[i:i + n, :])
            upward_init(self.upward.W.array[i:i + n, :])

        # Column k of the (units, 4) view is gate k = a, i, f, o.
        gates = self.upward.b.array.reshape(n, 4)
        for k, init in enumerate(
                (bias_init, bias_init, forget_bias_init, bias_init)):
            block = gates[:, k].copy()
            init(block)
            gates[:, k] = block

    def _lazy_init(self, x):
        if self.upward.W.array is None:
            in_size = x.size // x.shape[0]
            with cuda.get_device_from_id(self._device_id):
                self.upward._initialize_params(in_size)
                self._initialize_params()


class StatelessLSTM(LSTMBase):

    """Stateless LSTM layer.

    Like :class:`LSTM`, but the cell state and the output of the previous
    step are given to and returned by each call instead of being kept.

    Args:
        in_size (int or None): Dimension of the input vectors (``None``:
            from the first input).
        out_size (int): Dimension of the output and cell vectors.
        lateral_init: Initializer of the lateral weights.
        upward_init: Initializer of the upward weights.
        bias_init: Initializer (or scalar) of the biases of the cell input,
            input gate and output gate (default zero).
        forget_bias_init: Initializer (or scalar) of the forget gate bias
            (default one).

    Attributes:
        upward (~chainer.links.Linear): Input-to-gates connections.
        lateral (~chainer.links.Linear): Output-to-gates connections.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> lstm = L.StatelessLSTM(3, 2)
        >>> c, h = lstm(None, None, numpy.zeros((1, 3), numpy.float32))
        >>> c.shape, h.shape
        ((1, 2), (1, 2))

    """

    def forward(self, c, h, x):
        """Returns the new cell state and output.

        Args:
            c (~chainer.Variable or None): Previous cell state (zero if
                ``None``).
            h (~chainer.Variable or None): Previous output (no lateral
                input if ``None``).
            x (~chainer.Variable or ndarray): Input ``(B, in_size)``.

        Returns:
            tuple: ``(c_new, h_new)``.
        """
        self._lazy_init(x)
        lstm_in = self.upward(x)
        if h is not None:
            lstm_in += self.lateral(h)
        if c is None:
            c = _rnn_state.zeros(
                self, (x.shape[0], self.state_size), x.dtype)
        return chainer.functions.lstm(c, lstm_in)


class LSTM(_rnn_state.CellStateMixin, LSTMBase):

    """Fully-connected LSTM layer that keeps its state.

    Holds the cell state ``c`` and the previous output ``h`` between
    calls. A call may have a smaller minibatch than the previous one (sort
    sequences by decreasing length): only the first ``len(x)`` rows of the
    state are updated and the others are kept.

    Args:
        in_size (int or None): Dimension of the input vectors; ``None`` or
            ``LSTM(out_size)`` takes it from the first input.
        out_size (int): Dimension of the output and cell vectors.
        lateral_init: Initializer of the lateral weights.
        upward_init: Initializer of the upward weights.
        bias_init: Initializer (or scalar) of the biases of the cell input,
            input gate and output gate (default zero).
        forget_bias_init: Initializer (or scalar) of the forget gate bias
            (default one).

    Attributes:
        upward (~chainer.links.Linear): Input-to-gates connections.
        lateral (~chainer.links.Linear): Output-to-gates connections.
        c (~chainer.Variable): Cell state (``None`` after reset).
        h (~chainer.Variable): Previous output (``None`` after reset).

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> lstm = L.LSTM(10, 20)
        >>> lstm(numpy.zeros((1, 10), numpy.float32)).shape
        (1, 20)
        >>> lstm.c.shape
        (1, 20)
        >>> lstm.reset_state()
        >>> lstm.h is None
        True

    """

    def __init__(self, in_size, out_size=None, lateral_init=None,
                 upward_init=None, bias_init=None, forget_bias_init=None):
        super(LSTM, self).__init__(
            in_size, out_size, lateral_init, upward_init, bias_init,
            forget_bias_init)
        self.reset_state()

    def forward(self, x):
        """Updates the internal state and returns the LSTM output.

        Args:
            x (~chainer.Variable or ndarray): Input ``(B, in_size)``.

        Returns:
            ~chainer.Variable: Output ``(B, out_size)`` at this step.
        """
        F = chainer.functions
        self._lazy_init(x)
        batch = x.shape[0]
        lstm_in = self.upward(x)
        h_rest = None
        if self.h is not None:
            h_size = self.h.shape[0]
            if batch == 0:
                h_rest = self.h
            elif h_size < batch:
                raise TypeError(
                    'The batch size of x must be equal to or less than the '
                    'size of the previous state h.')
            elif h_size > batch:
                h_update, h_rest = F.split_axis(self.h, [batch], axis=0)
                lstm_in += self.lateral(h_update)
            else:
                lstm_in += self.lateral(self.h)
        if self.c is None:
            self.c = _rnn_state.zeros(
                self, (batch, self.state_size), x.dtype)
        self.c, y = F.lstm(self.c, lstm_in)

        if h_rest is None:
            self.h = y
        elif len(y.array) == 0:
            self.h = h_rest
        else:
            self.h = F.concat([y, h_rest], axis=0)
        return y
