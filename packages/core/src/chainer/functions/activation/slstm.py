import chainer.functions
from chainer import backend
from chainer.functions.activation import _rnn_gates
from chainer import function_node
from chainer.utils import type_check


class SLSTM(function_node.FunctionNode):

    """S-LSTM unit merging two child nodes of a binary tree."""

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('c_prev1', 'c_prev2', 'x1', 'x2'))
        c1, c2, x1, x2 = in_types
        type_check.expect(
            c1.dtype.kind == 'f',
            c2.dtype == c1.dtype,
            x1.dtype == c1.dtype,
            x2.dtype == c1.dtype,
            c1.ndim >= 2,
            c1.ndim == c2.ndim,
            c1.ndim == x1.ndim,
            c1.ndim == x2.ndim,
            c1.shape[0] == c2.shape[0],
            c1.shape[0] == x1.shape[0],
            c1.shape[0] == x2.shape[0],
            x1.shape[1] == 4 * c1.shape[1],
            x2.shape[1] == 4 * c2.shape[1],
        )
        for i in range(2, type_check.eval(c1.ndim)):
            type_check.expect(
                x1.shape[i] == c1.shape[i],
                x2.shape[i] == c1.shape[i],
                c2.shape[i] == c1.shape[i],
            )

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2, 3))
        c1, c2, x1, x2 = inputs
        xp = backend.get_array_module(x1)
        a1, i1, f1, o1 = _rnn_gates.split_array(x1, 4)
        a2, i2, f2, o2 = _rnn_gates.split_array(x2, 4)
        sig = _rnn_gates.sigmoid
        # v5's code (not its docstring): each child has its own cell input
        # and input gate; only the output gate sums the two sources.
        c = (xp.tanh(a1) * sig(i1) + xp.tanh(a2) * sig(i2) +
             sig(f1) * c1 + sig(f2) * c2)
        h = sig(o1 + o2) * xp.tanh(c)
        return c, h

    def backward(self, indexes, grad_outputs):
        # Built from differentiable functions (double backprop works);
        # activations are recomputed from the inputs.
        F = chainer.functions
        c1, c2, x1, x2 = self.get_retained_inputs()
        gc, gh = grad_outputs
        A1, I1, F1, O1 = _rnn_gates.split_variable(x1, 4)
        A2, I2, F2, O2 = _rnn_gates.split_variable(x2, 4)
        a1, i1, f1 = F.tanh(A1), F.sigmoid(I1), F.sigmoid(F1)
        a2, i2, f2 = F.tanh(A2), F.sigmoid(I2), F.sigmoid(F2)
        o = F.sigmoid(O1 + O2)
        xp = backend.get_array_module(x1.array)
        zeros = chainer.as_variable(xp.zeros(c1.shape, c1.dtype))
        g_c, g_o = gc, zeros
        if gh is not None:
            co = F.tanh(a1 * i1 + a2 * i2 + f1 * c1 + f2 * c2)
            g_h = gh * o * _rnn_gates.d_tanh(co)
            g_c = g_h if g_c is None else g_c + g_h
            g_o = gh * co * _rnn_gates.d_sigmoid(o)
        if g_c is None:
            g_c = zeros
        d_tanh, d_sig = _rnn_gates.d_tanh, _rnn_gates.d_sigmoid
        gx1 = _rnn_gates.join_interleaved(
            (g_c * i1 * d_tanh(a1), g_c * a1 * d_sig(i1),
             g_c * c1 * d_sig(f1), g_o), x1.shape)
        gx2 = _rnn_gates.join_interleaved(
            (g_c * i2 * d_tanh(a2), g_c * a2 * d_sig(i2),
             g_c * c2 * d_sig(f2), g_o), x2.shape)
        return g_c * f1, g_c * f2, gx1, gx2


def slstm(c_prev1, c_prev2, x1, x2):
    """S-LSTM units as an activation function.

    An LSTM unit for binary trees: each node merges the states of its two
    children. ``x1`` and ``x2`` hold, unit by unit along their second axis
    (``x[:, 4 * u + k]``), the sources :math:`a_j, i_j, f_j, o_j` from
    child :math:`j`; their second axis is four times that of the cell
    states. It computes

    .. math::
        c &= \\tanh(a_1) \\sigma(i_1) + \\tanh(a_2) \\sigma(i_2)
           + c_{\\text{prev}1} \\sigma(f_1)
           + c_{\\text{prev}2} \\sigma(f_2), \\\\
        h &= \\tanh(c) \\sigma(o_1 + o_2).

    This is what v5's code computes; v5's docstring writes the first term
    as :math:`\\tanh(a_1 + a_2) \\sigma(i_1 + i_2)`, but models trained
    with v5 used the formula above.

    See: `Long Short-Term Memory Over Tree Structures
    <https://arxiv.org/abs/1503.04881>`_.

    Args:
        c_prev1 (~chainer.Variable or ndarray): Cell state of the first
            child.
        c_prev2 (~chainer.Variable or ndarray): Cell state of the second
            child.
        x1 (~chainer.Variable or ndarray): Sources from the first child.
        x2 (~chainer.Variable or ndarray): Sources from the second child.

    Returns:
        tuple: Two variables ``c`` (cell state) and ``h`` (output).

    .. admonition:: Example

        >>> c1 = c2 = np.zeros((1, 3), np.float32)
        >>> x1 = x2 = np.zeros((1, 12), np.float32)
        >>> c, h = F.slstm(c1, c2, x1, x2)
        >>> c.shape, h.shape
        ((1, 3), (1, 3))

    """
    return SLSTM().apply((c_prev1, c_prev2, x1, x2))
