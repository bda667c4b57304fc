import chainer
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class TransposeSequence(function_node.FunctionNode):

    """Turns a length-sorted list of sequences into a list of time steps."""

    def check_type_forward(self, in_types):
        if not in_types:
            return
        x0 = in_types[0]
        for x_type in in_types:
            type_check.expect(
                x_type.ndim >= 1,
                x_type.ndim == x0.ndim,
                x_type.shape[1:] == x0.shape[1:],
                x_type.dtype == x0.dtype,
            )
        for a, b in zip(in_types, in_types[1:]):
            type_check.expect(a.shape[0] >= b.shape[0])

    def forward(self, xs):
        if not xs:
            return ()
        xp = backend.get_array_module(*xs)
        self._input_lengths = [len(x) for x in xs]
        self._row_shape = xs[0].shape[1:]
        self._dtype = xs[0].dtype
        ys = []
        for t in range(len(xs[0])):
            rows = [x[t] for x in xs if len(x) > t]
            ys.append(xp.stack(rows))
        return tuple(ys)

    def backward(self, indexes, grad_outputs):
        present = [g for g in grad_outputs if g is not None]
        xp = backend.get_array_module(*[g.array for g in present])
        inputs_len = self._input_lengths
        grads = list(grad_outputs)
        for t, g in enumerate(grads):
            if g is None:
                n = sum(1 for length in inputs_len if length > t)
                grads[t] = xp.zeros((n,) + self._row_shape, self._dtype)
        # The transpose of the transpose is the original list, except for
        # empty sequences at the end, which get empty gradients.
        gxs = TransposeSequence().apply(grads)
        empty = chainer.as_variable(
            xp.zeros((0,) + self._row_shape, self._dtype))
        return gxs + (empty,) * (len(inputs_len) - len(gxs))


def transpose_sequence(xs):
    """Transposes a list of Variables.

    Given sequences sorted by decreasing length, it returns for each time
    step ``t`` the stack of the ``t``-th elements of the sequences that are
    long enough. For example ``[(0, 1, 2, 3), (4, 5), (6,)]`` becomes
    ``[(0, 4, 6), (1, 5), (2,), (3,)]``.

    Args:
        xs (list of ~chainer.Variable or ndarray): Sequences, sorted by
            decreasing length (``len(xs[i]) >= len(xs[i + 1])``), with the
            same shape after the first axis and the same dtype.

    Returns:
        tuple of ~chainer.Variable: The transposed list.

    .. admonition:: Example

        >>> lst = [np.array([1, 1, 1]), np.array([2, 2]), np.array([3])]
        >>> [y.array for y in F.transpose_sequence(lst)]
        [array([1, 2, 3]), array([1, 2]), array([1])]

    """
    if not xs:
        return ()
    return TransposeSequence().apply(xs)
