import chainer.functions
from chainer import backend
from chainer.functions.activation import _rnn_gates
from chainer import function_node
from chainer.utils import type_check


def _split_blocks(x, n, separate):
    # tree_lstm stores its gates block by block: x[:, k * U + u].
    shape = (x.shape[0], n, x.shape[1] // n) + tuple(x.shape[2:])
    if separate is None:
        r = x.reshape(shape)
        return [r[:, k] for k in range(n)]
    return separate(chainer.functions.reshape(x, shape), axis=1)


class TreeLSTM(function_node.FunctionNode):

    """N-ary (or child-sum) TreeLSTM unit."""

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() >= 2)
        c_types = in_types[:-1]
        x_type = in_types[-1]
        n_ary = len(c_types)
        type_check.expect(x_type.ndim >= 2)
        for c_type in c_types:
            type_check.expect(
                c_type.dtype.kind == 'f',
                x_type.dtype == c_type.dtype,
                c_type.ndim >= 2,
                c_type.ndim == x_type.ndim,
                x_type.shape[0] == c_type.shape[0],
                x_type.shape[1] == (3 + n_ary) * c_type.shape[1],
            )
            for j in range(2, type_check.eval(c_type.ndim)):
                type_check.expect(x_type.shape[j] == c_type.shape[j])

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        cs, x = inputs[:-1], inputs[-1]
        xp = backend.get_array_module(x)
        gates = _split_blocks(x, 3 + len(cs), None)
        sig = _rnn_gates.sigmoid
        c = xp.tanh(gates[0]) * sig(gates[1])
        for f, c_k in zip(gates[3:], cs):
            c += sig(f) * c_k
        h = sig(gates[2]) * xp.tanh(c)
        return c, h

    def backward(self, indexes, grad_outputs):
        # Built from differentiable functions (double backprop works);
        # activations are recomputed from the inputs.
        F = chainer.functions
        inputs = self.get_retained_inputs()
        cs, x = inputs[:-1], inputs[-1]
        gc, gh = grad_outputs
        gates = _split_blocks(x, 3 + len(cs), F.separate)
        a, i, o = F.tanh(gates[0]), F.sigmoid(gates[1]), F.sigmoid(gates[2])
        fs = [F.sigmoid(f) for f in gates[3:]]
        xp = backend.get_array_module(x.array)
        zeros = chainer.as_variable(xp.zeros(cs[0].shape, x.dtype))
        g_c, g_o = gc, zeros
        if gh is not None:
            c = a * i
            for f, c_k in zip(fs, cs):
                c = c + f * c_k
            co = F.tanh(c)
            g_h = gh * o * _rnn_gates.d_tanh(co)
            g_c = g_h if g_c is None else g_c + g_h
            g_o = gh * co * _rnn_gates.d_sigmoid(o)
        if g_c is None:
            g_c = zeros
        g_gates = [g_c * i * _rnn_gates.d_tanh(a),
                   g_c * a * _rnn_gates.d_sigmoid(i), g_o]
        g_gates += [g_c * c_k * _rnn_gates.d_sigmoid(f)
                    for f, c_k in zip(fs, cs)]
        gx = F.reshape(F.stack(g_gates, axis=1), x.shape)
        return tuple(g_c * f for f in fs) + (gx,)


def tree_lstm(*inputs):
    """TreeLSTM unit as an activation function.

    Implements N-ary and child-sum TreeLSTM units. The inputs are the
    children's cell states :math:`c_1, ..., c_N` followed by the input
    array :math:`x`, whose second axis holds, block by block, the
    :math:`3 + N` sources :math:`a, i, o, f_1, ..., f_N` (cell input, input
    gate, output gate, one forget gate per child): source ``k`` of unit
    ``u`` is ``x[:, k * U + u]``, ``U`` being the number of units. It
    computes

    .. math::
        c &= \\tanh(a) \\sigma(i) + \\sum_{n=1}^{N} c_n \\sigma(f_n), \\\\
        h &= \\tanh(c) \\sigma(o).

    See `Tai et al. <https://www.aclweb.org/anthology/P15-1150>`_ and
    `Bowman et al. <https://arxiv.org/pdf/1603.06021.pdf>`_ (this follows
    the variant of the latter, one forget-gate matrix per child).

    Args:
        inputs (list of ~chainer.Variable or ndarray): The cell states of
            the children, then the input array whose second axis is
            :math:`N + 3` times that of each cell state.

    Returns:
        tuple: Two variables ``c`` (new cell state) and ``h`` (output).

    .. admonition:: Example

        >>> c1 = c2 = np.zeros((4, 10), np.float32)
        >>> x = np.zeros((4, 50), np.float32)
        >>> c, h = F.tree_lstm(c1, c2, x)
        >>> c.shape, h.shape
        ((4, 10), (4, 10))

    """
    return TreeLSTM().apply(inputs)
