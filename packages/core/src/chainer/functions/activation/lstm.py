import chainer.functions
from chainer import backend
from chainer.functions.activation import _rnn_gates
from chainer import function_node
from chainer.utils import type_check


class LSTM(function_node.FunctionNode):

    """LSTM unit with forget gate, as an activation function."""

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('c_prev', 'x'))
        c_type, x_type = in_types
        type_check.expect(
            c_type.dtype.kind == 'f',
            x_type.dtype == c_type.dtype,
            c_type.ndim >= 2,
            x_type.ndim >= 2,
            c_type.ndim == x_type.ndim,
            x_type.shape[0] <= c_type.shape[0],
            x_type.shape[1] == 4 * c_type.shape[1],
        )
        for i in range(2, type_check.eval(c_type.ndim)):
            type_check.expect(x_type.shape[i] == c_type.shape[i])

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        c_prev, x = inputs
        xp = backend.get_array_module(x)
        batch = len(x)
        a, i, f, o = _rnn_gates.split_array(x, 4)
        sig = _rnn_gates.sigmoid
        c = xp.tanh(a) * sig(i) + sig(f) * c_prev[:batch]
        h = sig(o) * xp.tanh(c)
        if batch < len(c_prev):
            # Rows without input keep their previous cell state.
            c = xp.concatenate((c, c_prev[batch:]), axis=0)
        return c, h

    def backward(self, indexes, grad_outputs):
        # Built from differentiable functions, so higher-order gradients
        # come for free; activations are recomputed from the inputs.
        F = chainer.functions
        c_prev, x = self.get_retained_inputs()
        gc, gh = grad_outputs
        batch = len(x)
        full = len(c_prev)
        cp = c_prev if batch == full else c_prev[:batch]
        A, I, Fg, O = _rnn_gates.split_variable(x, 4)
        a, i, f, o = F.tanh(A), F.sigmoid(I), F.sigmoid(Fg), F.sigmoid(O)
        xp = backend.get_array_module(x.array)

        def zeros(shape):
            return chainer.as_variable(xp.zeros(shape, x.dtype))

        # g_c: total gradient reaching the new cell state of each row.
        g_c = None
        if gh is not None:
            co = F.tanh(a * i + f * cp)
            g_c = gh * o * _rnn_gates.d_tanh(co)
            g_o = gh * co * _rnn_gates.d_sigmoid(o)
        else:
            g_o = zeros(O.shape)
        if gc is not None:
            gc_b = gc if batch == full else gc[:batch]
            g_c = gc_b if g_c is None else gc_b + g_c
        if g_c is None:
            g_c = zeros(cp.shape)
        gx = _rnn_gates.join_interleaved((
            g_c * i * _rnn_gates.d_tanh(a),
            g_c * a * _rnn_gates.d_sigmoid(i),
            g_c * cp * _rnn_gates.d_sigmoid(f),
            g_o,
        ), x.shape)
        gc_prev = g_c * f
        if batch < full:
            rest = gc[batch:] if gc is not None else zeros(
                (full - batch,) + cp.shape[1:])
            gc_prev = F.concat((gc_prev, rest), axis=0)
        return gc_prev, gx


def lstm(c_prev, x):
    """Long Short-Term Memory units as an activation function.

    The input array ``x`` holds, unit by unit along its second axis, the
    four sources :math:`a, i, f, o` (cell input, input gate, forget gate,
    output gate): ``x[:, 4 * u + k]`` is source ``k`` of unit ``u``. So
    ``x.shape[1]`` must be four times ``c_prev.shape[1]``. It computes

    .. math::
        c &= \\tanh(a) \\sigma(i) + c_{\\text{prev}} \\sigma(f), \\\\
        h &= \\tanh(c) \\sigma(o),

    where :math:`\\sigma` is the sigmoid. The minibatch of ``x`` may be
    smaller than that of ``c_prev`` (sort sequences by decreasing length):
    then only ``c[:len(x)]`` is updated and ``c[len(x):]`` is copied from
    ``c_prev``, while ``h`` has ``len(x)`` rows.

    Args:
        c_prev (~chainer.Variable or ndarray): Previous cell state.
        x (~chainer.Variable or ndarray): The four input sources.

    Returns:
        tuple: Two variables ``c`` (new cell state) and ``h`` (output).

    .. admonition:: Example

        >>> c = np.zeros((1, 2), np.float32)
        >>> x = np.zeros((1, 8), np.float32)
        >>> c, h = F.lstm(c, x)
        >>> c.shape, h.shape
        ((1, 2), (1, 2))

    """
    return LSTM().apply((c_prev, x))
