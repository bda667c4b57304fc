"""Array-level N-d convolution kernels shared by the convolution family.

Layout: columns are built channel-major, ``(G, Cg*K, B*P)``, so one GEMM
per group does the forward pass and both gradients, and the weight
gradient multiplies by a transposed view (no copy).  Outputs come back as
``(B, O, *outs)`` views of a channel-major buffer; the next layer's
gradient then arrives channel-major and needs no copy either.
"""
from chainer import backend
from chainer.backends import cuda
from chainer.utils import conv
from chainer.utils import conv_nd


def out_sizes(dims, ksize, stride, pad, cover_all, dilate, x_shape, w_shape):
    """Output spatial sizes; a clear error when a kernel does not fit."""
    outs = tuple(conv.get_conv_outsize(s, k, st, p, cover_all, d)
                 for s, k, st, p, d in zip(dims, ksize, stride, pad, dilate))
    if any(o <= 0 for o in outs):
        raise RuntimeError(
            'Output size should be positive, but the kernel (W of shape '
            '%s, dilate %s) is larger than the padded input (x of shape '
            '%s, pad %s, stride %s): output size %s'
            % (tuple(w_shape), dilate, tuple(x_shape), pad, stride, outs))
    return outs


def _gemm(a, b):
    # One GEMM per group; G == 1 avoids the batched-matmul loop.
    xp = backend.get_array_module(a)
    if a.shape[0] == 1:
        return a[0].dot(b[0])[None]
    return xp.matmul(a, b)


def im2col(x, ksize, stride, pad, dilate, outs, groups):
    """Columns of ``x`` (B, C, *S) as a (G, Cg*K, B*P) array."""
    view = conv_nd.window_view(x, ksize, stride, pad, 0, outs,
                               dilate=dilate)
    n_rows = view.shape[0] // groups
    for k in ksize:
        n_rows *= k
    return view.reshape(groups, n_rows, -1)


def _channel_major(a, groups):
    # (B, O, *outs) -> (G, O/G, B*P); free when ``a`` is channel-major.
    return a.swapaxes(0, 1).reshape(groups, a.shape[1] // groups, -1)


def forward(x, W, b, col, outs, groups):
    """y (B, O, *outs) from columns of x."""
    out_c = W.shape[0]
    Wm = W.reshape(groups, out_c // groups, -1)
    y = _gemm(Wm, col).reshape((out_c, x.shape[0], -1))
    if y.dtype != x.dtype:
        y = y.astype(x.dtype)
    if b is not None:
        y += b[:, None, None]
    return y.reshape((out_c, x.shape[0]) + tuple(outs)).swapaxes(0, 1)


def grad_w(col, gy, w_shape, groups):
    """gW from columns of x and gy (B, O, *outs)."""
    gy_cm = _channel_major(gy, groups)
    gW = _gemm(gy_cm, col.transpose(0, 2, 1))
    return gW.reshape(w_shape)


def grad_x(gy, W, stride, pad, dilate, dims, groups):
    """gx (B, C, *dims) for gy (B, O, *outs); the transposed convolution."""
    xp = backend.get_array_module(gy)
    out_c = W.shape[0]
    nd = W.ndim - 2
    Wm = W.reshape(groups, out_c // groups, -1)
    gy_cm = _channel_major(gy, groups)
    gcol = xp.matmul(Wm.transpose(0, 2, 1), gy_cm) if groups > 1 else \
        Wm[0].T.dot(gy_cm[0])
    in_c = W.shape[1] * groups
    gcol = gcol.reshape((in_c,) + W.shape[2:] + gy.shape[:1] +
                        gy.shape[2:])
    img = conv_nd.col2im_channel_major(gcol, stride, pad, dims, dilate)
    if img.dtype != gy.dtype:
        img = img.astype(gy.dtype)
    assert img.ndim == nd + 2
    return img.swapaxes(0, 1)


# --- cuDNN -----------------------------------------------------------------

def use_cudnn(x, W, cover_all=False):
    """cuDNN handles plain (non cover_all) convolutions of equal dtypes."""
    return (isinstance(x, cuda.ndarray) and not cover_all and
            x.dtype == W.dtype and cuda.should_use_cudnn('>=auto'))


def _cudnn_opts(deterministic=False):
    from chainer import configuration
    cfg = configuration.config
    opts = {'auto_tune': bool(getattr(cfg, 'autotune', False)),
            'tensor_core': getattr(cfg, 'use_cudnn_tensor_core', 'auto')}
    if deterministic:
        opts['deterministic'] = bool(
            getattr(cfg, 'cudnn_deterministic', False))
    return opts


def cudnn_forward(x, W, b, outs, stride, pad, dilate, groups):
    xp = cuda.cupy
    y = xp.empty((x.shape[0], W.shape[0]) + tuple(outs), x.dtype)
    cuda.cudnn.convolution_forward(
        xp.ascontiguousarray(x), xp.ascontiguousarray(W), b, y,
        tuple(pad), tuple(stride), tuple(dilate), groups, **_cudnn_opts())
    return y


def cudnn_grad_w(x, gy, w_shape, stride, pad, dilate, groups):
    xp = cuda.cupy
    gW = xp.empty(w_shape, x.dtype)
    cuda.cudnn.convolution_backward_filter(
        xp.ascontiguousarray(x), xp.ascontiguousarray(gy), gW, tuple(pad),
        tuple(stride), tuple(dilate), groups, **_cudnn_opts(True))
    return gW


def cudnn_grad_x(gy, W, b, dims, stride, pad, dilate, groups):
    xp = cuda.cupy
    gx = xp.empty((gy.shape[0], W.shape[1] * groups) + tuple(dims),
                  gy.dtype)
    cuda.cudnn.convolution_backward_data(
        xp.ascontiguousarray(W), xp.ascontiguousarray(gy), b, gx,
        tuple(pad), tuple(stride), tuple(dilate), groups,
        **_cudnn_opts(True))
    return gx
