"""N-dimensional convolution (also the engine of convolution_2d)."""
from chainer import function_node
from chainer.functions.connection import _common
from chainer.functions.connection import _conv
from chainer.functions.connection import deconvolution_nd
from chainer.utils import type_check


def check_conv_types(in_types, ndim, groups, w_channel_axis=1):
    """Type checks shared by convolution and deconvolution."""
    n_in = in_types.size()
    type_check.expect(2 <= n_in, n_in <= 3)
    x_type, w_type = in_types[0], in_types[1]
    _common.argname((x_type, w_type), ('x', 'W'))
    type_check.expect(
        x_type.dtype.kind == 'f',
        w_type.dtype.kind == 'f',
        x_type.ndim == ndim + 2,
        w_type.ndim == ndim + 2,
    )
    if w_channel_axis == 1:
        type_check.expect(x_type.shape[1] == w_type.shape[1] * groups)
        out_c = w_type.shape[0]
    else:
        type_check.expect(x_type.shape[1] == w_type.shape[0])
        out_c = w_type.shape[1] * groups
    _common.check_bias(in_types, x_type, out_c)


class ConvolutionND(function_node.FunctionNode):

    """Convolution over ``ndim`` spatial axes with stride, pad, dilation
    and groups."""

    def __init__(self, ndim, stride=1, pad=0, cover_all=False, dilate=1,
                 groups=1):
        self.ndim = ndim
        self.stride = _common.as_tuple(stride, ndim, 'stride')
        self.pad = _common.as_tuple(pad, ndim, 'pad')
        self.dilate = _common.as_tuple(dilate, ndim, 'dilate')
        self.cover_all = bool(cover_all)
        self.groups = int(groups)
        # Exact output sizes, set by gradient nodes: cover_all is one flag
        # for all axes, but a transposed convolution's outsize may need
        # it on some axes only.
        self._outs = None

    def check_type_forward(self, in_types):
        check_conv_types(in_types, self.ndim, self.groups)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        if W.shape[0] % self.groups:
            raise ValueError(
                'the number of output channels (W.shape[0] = %d) must be '
                'divisible by groups (%d)' % (W.shape[0], self.groups))
        ksize = W.shape[2:]
        outs = self._outs or _conv.out_sizes(
            x.shape[2:], ksize, self.stride, self.pad, self.cover_all,
            self.dilate, x.shape, W.shape)
        if _conv.use_cudnn(x, W, self.cover_all):
            return _conv.cudnn_forward(x, W, b, outs, self.stride, self.pad,
                                       self.dilate, self.groups),
        return _conv.forward(x, W, b, self.stride, self.pad, self.dilate,
                             outs, self.groups),

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            gx, = deconvolution_nd.DeconvolutionND(
                self.ndim, self.stride, self.pad, x.shape[2:], self.dilate,
                self.groups).apply((gy, W))
            ret.append(gx)
        if 1 in indexes:
            gW, = ConvolutionNDGradW(self, W.shape).apply((x, gy))
            ret.append(gW)
        if 2 in indexes:
            ret.append(_common.bias_grad(gy, self.ndim))
        return ret


class ConvolutionNDGradW(function_node.FunctionNode):

    """Weight gradient of a convolution, given (x, gy)."""

    def __init__(self, conv, w_shape):
        self.ndim = conv.ndim
        self.stride = conv.stride
        self.pad = conv.pad
        self.dilate = conv.dilate
        self.cover_all = conv.cover_all
        self.groups = conv.groups
        self.w_shape = tuple(w_shape)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gy = inputs
        if _conv.use_cudnn(x, gy, self.cover_all):
            return _conv.cudnn_grad_w(x, gy, self.w_shape, self.stride,
                                      self.pad, self.dilate, self.groups),
        gW = _conv.grad_w(x, gy, self.w_shape, self.stride, self.pad,
                          self.dilate, self.groups)
        if gW.dtype != x.dtype:
            gW = gW.astype(x.dtype)
        return gW,

    def backward(self, indexes, grad_outputs):
        x, gy = self.get_retained_inputs()
        ggW, = grad_outputs
        ret = []
        if 0 in indexes:
            gx, = deconvolution_nd.DeconvolutionND(
                self.ndim, self.stride, self.pad, x.shape[2:], self.dilate,
                self.groups).apply((gy, ggW))
            ret.append(gx)
        if 1 in indexes:
            conv = ConvolutionND(self.ndim, self.stride, self.pad,
                                 self.cover_all, self.dilate, self.groups)
            conv._outs = tuple(gy.shape[2:])
            ggy, = conv.apply((x, ggW))
            ret.append(ggy)
        return ret


def _apply(ndim, x, W, b, stride, pad, cover_all, dilate, groups):
    return _common.apply_with_bias(
        ConvolutionND(ndim, stride, pad, cover_all, dilate, groups), x, W, b)


def convolution_nd(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """N-dimensional convolution function.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c_I, d_1, ..., d_N)`.
        W (~chainer.Variable or ndarray): Filter of shape
            :math:`(c_O, c_I / groups, k_1, ..., k_N)`.
        b (~chainer.Variable or ndarray): Optional bias of shape
            :math:`(c_O,)`.
        stride (int or tuple of ints): Stride of the filter.
        pad (int or tuple of ints): Zero padding on both sides.
        cover_all (bool): If ``True``, all spatial locations are convolved
            into some output pixels (may add one output per axis).
        dilate (int or tuple of ints): Dilation factor of the filter.
        groups (int): Number of channel groups.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, l_1, ..., l_N)`
        with :math:`l_i = (d_i + 2p_i - (k_i - 1) dil_i - 1) / s_i + 1`.
    """
    return _apply(_common.spatial_ndim(x), x, W, b, stride, pad, cover_all,
                  dilate, groups)


def convolution_1d(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """1-dimensional convolution; see :func:`convolution_nd`."""
    _common.spatial_ndim(x, 1)
    return _apply(1, x, W, b, stride, pad, cover_all, dilate, groups)


def convolution_3d(x, W, b=None, stride=1, pad=0, cover_all=False,
                   dilate=1, groups=1):
    """3-dimensional convolution; see :func:`convolution_nd`."""
    _common.spatial_ndim(x, 3)
    return _apply(3, x, W, b, stride, pad, cover_all, dilate, groups)

