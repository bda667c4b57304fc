"""Locally connected 2-D layer: a separate filter at every output pixel."""
from chainer import backend
from chainer import function_node
from chainer.functions.connection import _common
from chainer.utils import conv_nd
from chainer.utils import type_check


def _cols(x, kh, kw, stride, outs):
    # (oh*ow, B, C*kh*kw) columns, one matrix per output pixel.
    xp = backend.get_array_module(x)
    view = conv_nd.window_view(x, (kh, kw), stride, (0, 0), 0, outs)
    c, b = view.shape[0], view.shape[3]
    col = view.transpose(4, 5, 3, 0, 1, 2)
    return xp.ascontiguousarray(col).reshape(outs[0] * outs[1], b,
                                             c * kh * kw)


class LocalConvolution2DFunction(function_node.FunctionNode):

    """y[n, o, i, j] = sum W[o, i, j, c, k, l] x[n, c, s i + k, s j + l]."""

    def __init__(self, stride=1):
        self.stride = _common.as_tuple(stride, 2, 'stride')

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[0], in_types[1]
        _common.argname((x_type, w_type), ('x', 'W'))
        type_check.expect(
            x_type.dtype.kind == 'f', w_type.dtype.kind == 'f',
            x_type.ndim == 4, w_type.ndim == 6,
            x_type.shape[1] == w_type.shape[3],
        )
        for ax in range(2):
            k = w_type.shape[4 + ax]
            out = (x_type.shape[2 + ax] - k) // self.stride[ax] + 1
            type_check.expect(w_type.shape[1 + ax] == out)
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            _common.argname((b_type,), ('b',))
            type_check.expect(b_type.dtype == x_type.dtype,
                              b_type.ndim == 3,
                              b_type.shape == w_type.shape[:3])

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        xp = backend.get_array_module(x)
        out_c, oh, ow, _, kh, kw = W.shape
        col = _cols(x, kh, kw, self.stride, (oh, ow))
        Wm = W.reshape(out_c, oh * ow, -1).transpose(1, 2, 0)
        y = xp.matmul(col, Wm)                     # (P, B, O)
        y = y.transpose(1, 2, 0).reshape(x.shape[0], out_c, oh, ow)
        if len(inputs) == 3:
            y = y + inputs[2]
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(LocalConvolution2DGradX(
                self.stride, x.shape).apply((W, gy))[0])
        if 1 in indexes:
            ret.append(LocalConvolution2DGradW(
                self.stride, W.shape, W.dtype).apply((x, gy))[0])
        if 2 in indexes:
            ret.append(_common.sum_axes(gy, (0,)))
        return ret


# y = conv(x, W) is bilinear, so <gy, conv(x, W)> = <gradx(W, gy), x>
# = <gradW(x, gy), W>: each gradient is bilinear too, and its own
# gradients are the forward and the other gradient again.

class LocalConvolution2DGradX(function_node.FunctionNode):

    """gx = gradx(W, gy), linear in each argument."""

    def __init__(self, stride, x_shape):
        self.stride = stride
        self.x_shape = x_shape

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        W, gy = inputs
        xp = backend.get_array_module(W)
        out_c, oh, ow, c, kh, kw = W.shape
        b = gy.shape[0]
        g = gy.reshape(b, out_c, oh * ow).transpose(2, 0, 1)    # (P, B, O)
        Wm = W.reshape(out_c, oh * ow, -1).transpose(1, 0, 2)   # (P, O, K)
        gcol = xp.matmul(g, Wm).reshape(oh, ow, b, c, kh, kw)
        gcol = gcol.transpose(3, 4, 5, 2, 0, 1)   # (C, kh, kw, B, oh, ow)
        gx = conv_nd.col2im_channel_major(gcol, self.stride, (0, 0),
                                          self.x_shape[2:])
        return gx.swapaxes(0, 1).astype(gy.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        W, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(LocalConvolution2DGradW(
                self.stride, W.shape, W.dtype).apply((ggx, gy))[0])
        if 1 in indexes:
            ret.append(local_convolution_2d(ggx, W, stride=self.stride))
        return ret


class LocalConvolution2DGradW(function_node.FunctionNode):

    """gW = gradW(x, gy), linear in each argument."""

    def __init__(self, stride, W_shape, W_dtype):
        self.stride = stride
        self.W_shape = W_shape
        self.W_dtype = W_dtype

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gy = inputs
        xp = backend.get_array_module(x)
        out_c, oh, ow, c, kh, kw = self.W_shape
        b = x.shape[0]
        col = _cols(x, kh, kw, self.stride, (oh, ow))           # (P, B, K)
        g = gy.reshape(b, out_c, oh * ow).transpose(2, 1, 0)    # (P, O, B)
        gW = xp.matmul(g, col)                                  # (P, O, K)
        gW = gW.transpose(1, 0, 2).reshape(self.W_shape)
        return gW.astype(self.W_dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        x, gy = self.get_retained_inputs()
        ggW, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(LocalConvolution2DGradX(
                self.stride, x.shape).apply((ggW, gy))[0])
        if 1 in indexes:
            ret.append(local_convolution_2d(x, ggW, stride=self.stride))
        return ret


def local_convolution_2d(x, W, b=None, stride=1):
    """Two-dimensional locally-connected function.

    Like :func:`convolution_2d` without padding, but every output pixel
    has its own filter.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c_I, h, w)`.
        W (~chainer.Variable or ndarray): Filters of shape
            :math:`(c_O, h_O, w_O, c_I, k_H, k_W)`.
        b (~chainer.Variable or ndarray): Optional bias of shape
            :math:`(c_O, h_O, w_O)`.
        stride (int or pair of ints): Stride.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, h_O, w_O)` with
        :math:`h_O = (h - k_H) / s_Y + 1`.
    """
    return _common.apply_with_bias(LocalConvolution2DFunction(stride), x, W,
                                   b)
