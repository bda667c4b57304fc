import numpy

from chainer import function_node
from chainer.utils import conv
from chainer.utils import type_check


def _pair(x):
    if hasattr(x, '__getitem__'):
        return int(x[0]), int(x[1])
    return int(x), int(x)


def _im2col(x, kh, kw, sy, sx, ph, pw, cover_all, dy, dx):
    f = conv.im2col_cpu if isinstance(x, numpy.ndarray) else conv.im2col_gpu
    col = f(x, kh, kw, sy, sx, ph, pw, cover_all=cover_all, dy=dy, dx=dx)
    n, c, _, _, out_h, out_w = col.shape
    return col.reshape(n, c * kh * kw, out_h, out_w)


class Im2Col(function_node.FunctionNode):

    """Extracts image patches into the channel axis."""

    def __init__(self, ksize, stride, pad, cover_all, dilate):
        self.kh, self.kw = _pair(ksize)
        self.sy, self.sx = _pair(stride)
        self.ph, self.pw = _pair(pad)
        self.dy, self.dx = _pair(dilate)
        self.cover_all = cover_all

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.ndim == 4)

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        return _im2col(x, self.kh, self.kw, self.sy, self.sx, self.ph,
                       self.pw, self.cover_all, self.dy, self.dx),

    def backward(self, indexes, grad_outputs):
        return Im2ColGrad(self, self._in_shape).apply(grad_outputs)


class Im2ColGrad(function_node.FunctionNode):

    """Adjoint of Im2Col: sums each patch back into the image."""

    def __init__(self, im2col, in_shape):
        self.f = im2col
        self.in_shape = in_shape

    def forward(self, inputs):
        gy, = inputs
        f = self.f
        n, c, h, w = self.in_shape
        out_h, out_w = gy.shape[2:]
        col = gy.reshape(n, c, f.kh, f.kw, out_h, out_w)
        g = (conv.col2im_cpu if isinstance(gy, numpy.ndarray)
             else conv.col2im_gpu)
        gx = g(col, f.sy, f.sx, f.ph, f.pw, h, w, f.dy, f.dx)
        return gx.astype(gy.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        f = self.f
        return Im2Col((f.kh, f.kw), (f.sy, f.sx), (f.ph, f.pw),
                      f.cover_all, (f.dy, f.dx)).apply(grad_outputs)


def im2col(x, ksize, stride=1, pad=0, cover_all=False, dilate=1):
    """Extracts patches from an image based on the filter.

    Patches are taken at positions shifted by multiples of ``stride`` from
    ``-pad`` on each spatial axis and put in the channel axis. The output
    size is that of a convolution with the same parameters:
    :math:`h_O = (h + 2p_H - k_H - (k_H - 1)(d_Y - 1)) / s_Y + 1` (with
    ``cover_all``, :math:`s_Y - 1` is added to the numerator), and likewise
    for the width.

    Args:
        x (~chainer.Variable or ndarray): Input of shape ``(n, c, h, w)``.
        ksize (int or pair of ints): Size of the filters.
        stride (int or pair of ints): Stride of filter applications.
        pad (int or pair of ints): Spatial padding width.
        cover_all (bool): If ``True``, all spatial locations are covered by
            some patch, which may enlarge the output.
        dilate (int or pair of ints): Dilation factor of the filters.

    Returns:
        ~chainer.Variable: Output of shape ``(n, c * k_H * k_W, h_O, w_O)``;
        channel ``(ci * k_H + i) * k_W + j`` holds the pixel at filter
        offset ``(i, j)`` of input channel ``ci``.

    .. admonition:: Example

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> F.im2col(x, 2, stride=2).shape
        (1, 4, 2, 2)

    """
    y, = Im2Col(ksize, stride, pad, cover_all, dilate).apply((x,))
    return y
