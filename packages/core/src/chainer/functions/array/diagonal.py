from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Diagonal(function_node.FunctionNode):

    """Takes a diagonal of two axes (``numpy.diagonal``)."""

    def __init__(self, offset, axis1, axis2):
        self.offset = int(offset)
        self.axis1 = int(axis1)
        self.axis2 = int(axis2)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.ndim >= 2)
        for a in (self.axis1, self.axis2):
            if a >= 0:
                type_check.expect(a < x_type.ndim)
            else:
                type_check.expect(-a <= x_type.ndim)
        ndim = type_check.eval(x_type.ndim)
        if self.axis1 % ndim == self.axis2 % ndim:
            raise ValueError('axis1 and axis2 cannot be the same')

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        self._dtype = x.dtype
        xp = backend.get_array_module(x)
        # numpy returns a read-only view; copy to a normal array.
        return xp.ascontiguousarray(
            x.diagonal(self.offset, self.axis1, self.axis2)),

    def backward(self, indexes, grad_outputs):
        return DiagonalGrad(self).apply(grad_outputs)


class DiagonalGrad(function_node.FunctionNode):

    """Writes a diagonal into zeros; the adjoint of Diagonal."""

    def __init__(self, diag):
        self.diag = diag

    def forward(self, inputs):
        gy, = inputs
        d = self.diag
        xp = backend.get_array_module(gy)
        gx = xp.zeros(d._in_shape, gy.dtype)
        view = xp.moveaxis(gx, (d.axis1, d.axis2), (-2, -1))
        n = gy.shape[-1]
        rows = xp.arange(n) + max(-d.offset, 0)
        cols = xp.arange(n) + max(d.offset, 0)
        view[..., rows, cols] = gy
        return gx,

    def backward(self, indexes, grad_outputs):
        d = self.diag
        return Diagonal(d.offset, d.axis1, d.axis2).apply(grad_outputs)


def diagonal(x, offset=0, axis1=0, axis2=1):
    """Takes the diagonal of the two given axes.

    Args:
        x (~chainer.Variable or ndarray): Input variable with at least two
            dimensions.
        offset (int): Offset from the main diagonal; positive picks
            diagonals above it.
        axis1 (int): First axis of the 2-D sub-arrays.
        axis2 (int): Second axis of the 2-D sub-arrays.

    Returns:
        ~chainer.Variable: The diagonals, with ``axis1`` and ``axis2``
        removed and a new last axis appended.

    .. admonition:: Example

        >>> x = np.arange(9, dtype=np.float32).reshape(3, 3)
        >>> F.diagonal(x).array
        array([0., 4., 8.], dtype=float32)
        >>> F.diagonal(x, offset=1).array
        array([1., 5.], dtype=float32)

    """
    y, = Diagonal(offset, axis1, axis2).apply((x,))
    return y
