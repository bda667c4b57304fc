from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class PadSequence(function_node.FunctionNode):

    """Stacks arrays of different lengths into one padded array."""

    def __init__(self, length, padding):
        self.length = length
        self.padding = padding

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        n = type_check.eval(in_types.size())
        type_check.argname(in_types, tuple('x{}'.format(i) for i in range(n)))
        x0 = in_types[0]
        for x_type in in_types:
            type_check.expect(
                x_type.ndim > 0,
                x_type.shape[1:] == x0.shape[1:],
                x_type.dtype == x0.dtype,
            )
        if self.length is not None:
            for x_type in in_types:
                type_check.expect(x_type.shape[0] <= self.length)

    def forward(self, xs):
        xp = backend.get_array_module(*xs)
        self._lengths = [len(x) for x in xs]
        length = self.length
        if length is None:
            length = max(self._lengths)
        shape = (len(xs), length) + xs[0].shape[1:]
        y = xp.full(shape, self.padding, dtype=xs[0].dtype)
        for i, x in enumerate(xs):
            y[i, :len(x)] = x
        return y,

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        return tuple(gy[i, :n] for i, n in enumerate(self._lengths))


def pad_sequence(xs, length=None, padding=0):
    """Pads given arrays to make a matrix.

    Args:
        xs (list of ~chainer.Variable or ndarray): Variables to be padded;
            they must have the same shape except along the first axis, and
            the same dtype.
        length (None or int): Size of the first axis of each padded item;
            the longest length of ``xs`` when ``None``.
        padding (int or float): Value to fill.

    Returns:
        ~chainer.Variable: A padded array of shape ``(n, length, ...)``,
        where ``n == len(xs)``.

    .. admonition:: Example

        >>> xs = [np.array([1, 2, 3]), np.array([4])]
        >>> F.pad_sequence(xs, padding=-1).array
        array([[ 1,  2,  3],
               [ 4, -1, -1]])

    """
    y, = PadSequence(length, padding).apply(xs)
    return y
