"""N-dimensional transposed convolution (also behind deconvolution_2d)."""
from chainer import function_node
from chainer.functions.connection import _common
from chainer.functions.connection import _conv
from chainer.functions.connection import convolution_nd
from chainer.utils import conv
from chainer.utils import type_check


class DeconvolutionND(function_node.FunctionNode):

    """Transposed convolution: the gradient of convolution w.r.t. x.

    ``W`` has shape ``(c_I, c_O / groups, k_1, ..., k_N)``.
    """

    cover_all = None

    def __init__(self, ndim, stride=1, pad=0, outsize=None, dilate=1,
                 groups=1):
        self.ndim = ndim
        self.stride = _common.as_tuple(stride, ndim, 'stride')
        self.pad = _common.as_tuple(pad, ndim, 'pad')
        self.dilate = _common.as_tuple(dilate, ndim, 'dilate')
        self.outs = None if outsize is None else _common.as_tuple(
            outsize, ndim, 'outsize')
        self.groups = int(groups)

    def check_type_forward(self, in_types):
        convolution_nd.check_conv_types(in_types, self.ndim, self.groups,
                                        w_channel_axis=0)
        if self.outs is None:
            return
        x_type, w_type = in_types[0], in_types[1]
        for i, out in enumerate(self.outs):
            k = w_type.shape[i + 2]
            args = (out, k, self.stride[i], self.pad[i])
            lo = conv.get_conv_outsize(*args, d=self.dilate[i])
            hi = conv.get_conv_outsize(*args, cover_all=True,
                                       d=self.dilate[i])
            # outsize must be one that a convolution maps back to x.
            type_check.expect(lo <= x_type.shape[i + 2],
                              x_type.shape[i + 2] <= hi)

    def _out_sizes(self, x, W):
        if self.outs is not None:
            return self.outs
        outs = tuple(conv.get_deconv_outsize(s, k, st, p, d=d)
                     for s, k, st, p, d in zip(
                         x.shape[2:], W.shape[2:], self.stride, self.pad,
                         self.dilate))
        if any(o <= 0 for o in outs):
            raise RuntimeError(
                'Output size of deconvolution should be positive: x of '
                'shape %s, W of shape %s, pad %s give %s'
                % (x.shape, W.shape, self.pad, outs))
        return outs

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        b = inputs[2] if len(inputs) == 3 else None
        if W.shape[0] % self.groups:
            raise ValueError(
                'the number of input channels (W.shape[0] = %d) must be '
                'divisible by groups (%d)' % (W.shape[0], self.groups))
        outs = self._out_sizes(x, W)
        # The convolution that maps the output back to x needs cover_all
        # when outsize is one of the larger sizes that map to x.
        self.cover_all = any(
            s != conv.get_conv_outsize(o, k, st, p, d=d)
            for s, o, k, st, p, d in zip(x.shape[2:], outs, W.shape[2:],
                                         self.stride, self.pad,
                                         self.dilate))
        if _conv.use_cudnn(x, W, self.cover_all):
            return _conv.cudnn_grad_x(x, W, b, outs, self.stride, self.pad,
                                      self.dilate, self.groups),
        y = _conv.grad_x(x, W, self.stride, self.pad, self.dilate, outs,
                         self.groups)
        if b is not None:
            y += b.reshape((1, -1) + (1,) * self.ndim)
        return y,

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            conv = convolution_nd.ConvolutionND(
                self.ndim, self.stride, self.pad, self.cover_all,
                self.dilate, self.groups)
            conv._outs = tuple(x.shape[2:])
            gx, = conv.apply((gy, W))
            ret.append(gx)
        if 1 in indexes:
            gW, = convolution_nd.ConvolutionNDGradW(
                self, W.shape).apply((gy, x))
            ret.append(gW)
        if 2 in indexes:
            ret.append(_common.bias_grad(gy, self.ndim))
        return ret


def _apply(ndim, x, W, b, stride, pad, outsize, dilate, groups):
    return _common.apply_with_bias(
        DeconvolutionND(ndim, stride, pad, outsize, dilate, groups), x, W, b)


def deconvolution_nd(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """N-dimensional deconvolution (transposed convolution) function.

    Args:
        x (~chainer.Variable or ndarray): Input of shape
            :math:`(n, c_I, d_1, ..., d_N)`.
        W (~chainer.Variable or ndarray): Filter of shape
            :math:`(c_I, c_O / groups, k_1, ..., k_N)`.
        b (~chainer.Variable or ndarray): Optional bias of shape
            :math:`(c_O,)`.
        stride (int or tuple of ints): Stride of the filter.
        pad (int or tuple of ints): Padding removed from each side of the
            output.
        outsize (None or tuple of ints): Expected output spatial size;
            by default :math:`s (d - 1) + (k - 1) dil + 1 - 2p`.
        dilate (int or tuple of ints): Dilation factor of the filter.
        groups (int): Number of channel groups.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, l_1, ..., l_N)`.
    """
    return _apply(_common.spatial_ndim(x), x, W, b, stride, pad, outsize,
                  dilate, groups)


def deconvolution_1d(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """1-dimensional deconvolution; see :func:`deconvolution_nd`."""
    _common.spatial_ndim(x, 1)
    return _apply(1, x, W, b, stride, pad, outsize, dilate, groups)


def deconvolution_3d(x, W, b=None, stride=1, pad=0, outsize=None,
                     dilate=1, groups=1):
    """3-dimensional deconvolution; see :func:`deconvolution_nd`."""
    _common.spatial_ndim(x, 3)
    return _apply(3, x, W, b, stride, pad, outsize, dilate, groups)
