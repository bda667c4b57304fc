import numpy

from chainer import backend
from chainer import function_node
from chainer.utils import type_check


def _interp_matrix(xp, n_out, n_in, dtype):
    # Row o holds the linear-interpolation weights of output o; the corners
    # of input and output are aligned: source = o * (n_in - 1) / (n_out - 1).
    m = numpy.zeros((n_out, n_in))
    if n_out == 1 or n_in == 1:
        m[:, 0] = 1
    else:
        src = numpy.arange(n_out) * ((n_in - 1) / (n_out - 1))
        lo = numpy.minimum(numpy.floor(src).astype(numpy.int64), n_in - 2)
        frac = src - lo
        rows = numpy.arange(n_out)
        m[rows, lo] = 1 - frac
        m[rows, lo + 1] += frac
    return xp.asarray(m.astype(dtype))


def _apply(x, mh, mw):
    # y[n, c] = mh @ x[n, c] @ mw.T
    xp = backend.get_array_module(x)
    return xp.matmul(xp.matmul(mh, x), mw.T)


class ResizeImages(function_node.FunctionNode):

    """Bilinear resize of the two last axes (a linear map of ``x``)."""

    def __init__(self, output_shape):
        self.out_H, self.out_W = (int(s) for s in output_shape)

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
        )

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        H, W = x.shape[2:]
        self._mh = _interp_matrix(xp, self.out_H, H, x.dtype)
        self._mw = _interp_matrix(xp, self.out_W, W, x.dtype)
        return _apply(x, self._mh, self._mw),

    def backward(self, indexes, grad_outputs):
        return _ResizeLinear(self._mh.T, self._mw.T).apply(grad_outputs)


class _ResizeLinear(function_node.FunctionNode):

    """``y = mh @ x @ mw.T`` for fixed matrices; its gradient is the same
    map with the transposed matrices."""

    def __init__(self, mh, mw):
        self._mh = mh
        self._mw = mw

    def forward(self, inputs):
        x, = inputs
        return _apply(x, self._mh, self._mw),

    def backward(self, indexes, grad_outputs):
        return _ResizeLinear(self._mh.T, self._mw.T).apply(grad_outputs)


def resize_images(x, output_shape):
    """Resizes images to the given shape by bilinear interpolation.

    The corner pixels of input and output are aligned: output pixel
    ``(i, j)`` samples the input at
    ``(i * (h - 1) / (h_O - 1), j * (w - 1) / (w_O - 1))``.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            ``(n, c_I, h, w)``.
        output_shape (tuple): ``(h_O, w_O)``; note that this order is the
            opposite of OpenCV's.

    Returns:
        ~chainer.Variable: Resized images of shape ``(n, c_I, h_O, w_O)``.

    .. admonition:: Example

        >>> x = np.array([[[[0., 2.], [4., 6.]]]], np.float32)
        >>> F.resize_images(x, (3, 3)).array
        array([[[[0., 1., 2.],
                 [2., 3., 4.],
                 [4., 5., 6.]]]], dtype=float32)

    """
    y, = ResizeImages(output_shape).apply((x,))
    return y
