"""Array-level N-d convolution kernels shared by the convolution family.

Layout: columns are built channel-major, ``(G, Cg*K, B*P)``, so one GEMM
per group does the forward pass and both gradients, and the weight
gradient multiplies by a transposed view (no copy).  Outputs come back as
``(B, O, *outs)`` views of a channel-major buffer; the next layer's
gradient then arrives channel-major and needs no copy either.
"""
import numpy

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


# Bytes of columns built at once on the CPU.  Working batch chunk by batch
# chunk keeps every temporary small: big short-lived arrays cost more in
# page faults (the allocator returns freed memory to the OS after each
# step) than building the columns again for the weight gradient.
_CHUNK_BYTES = 1 << 20


def _gemm(a, b):
    # One GEMM per group; G == 1 avoids the batched-matmul loop.
    xp = backend.get_array_module(a)
    if a.shape[0] == 1:
        return a[0].dot(b[0])[None]
    return xp.matmul(a, b)


def _chunks(xp, batch, per_sample):
    """Batch ranges whose columns take about ``_CHUNK_BYTES`` each."""
    if xp is not numpy:
        return [(0, batch)]     # GPUs prefer one large GEMM
    step = max(1, _CHUNK_BYTES // max(per_sample, 1))
    return [(b, min(b + step, batch)) for b in range(0, batch, step)]


def _channel_major(a, groups):
    # (B, O, *outs) -> (G, O/G, B*P); free when ``a`` is channel-major.
    return a.swapaxes(0, 1).reshape(groups, a.shape[1] // groups, -1)


def _cols(view, b0, b1, groups):
    """(G, Cg*K, n*P) columns of batch rows b0:b1 of a window view."""
    nd = (view.ndim - 2) // 2
    part = view[(slice(None),) * (1 + nd) + (slice(b0, b1),)]
    return part.reshape(groups, -1, (b1 - b0) * _prod(view.shape[2 + nd:]))


def _prod(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def forward(x, W, b, stride, pad, dilate, outs, groups):
    """y (B, O, *outs): one GEMM per group and batch chunk."""
    xp = backend.get_array_module(x)
    out_c, batch = W.shape[0], x.shape[0]
    ksize = W.shape[2:]
    Wm = W.reshape(groups, out_c // groups, -1)
    view = conv_nd.window_view(x, ksize, stride, pad, 0, outs,
                               dilate=dilate)
    n_out = _prod(outs)
    y = xp.empty((out_c, batch, n_out), x.dtype)
    per_sample = Wm.shape[2] * groups * n_out * x.dtype.itemsize
    for b0, b1 in _chunks(xp, batch, per_sample):
        part = _gemm(Wm, _cols(view, b0, b1, groups))
        y[:, b0:b1] = part.reshape(out_c, b1 - b0, n_out)
    if b is not None:
        y += b[:, None, None]
    return y.reshape((out_c, batch) + tuple(outs)).swapaxes(0, 1)


def grad_w(x, gy, w_shape, stride, pad, dilate, groups):
    """gW from x and gy (B, O, *outs), building columns chunk by chunk."""
    xp = backend.get_array_module(x)
    outs = gy.shape[2:]
    view = conv_nd.window_view(x, w_shape[2:], stride, pad, 0, outs,
                               dilate=dilate)
    gy_cm = _channel_major(gy, groups)                  # (G, Og, B*P)
    n_out = _prod(outs)
    per_sample = _prod(w_shape[1:]) * groups * n_out * x.dtype.itemsize
    gW = None
    if x.shape[0] == 0:
        return xp.zeros(w_shape, numpy.result_type(x.dtype, gy.dtype))
    for b0, b1 in _chunks(xp, x.shape[0], per_sample):
        col = _cols(view, b0, b1, groups)
        part = _gemm(gy_cm[:, :, b0 * n_out:b1 * n_out],
                     col.transpose(0, 2, 1))
        if gW is None:
            gW = part
        else:
            gW += part
    return gW.reshape(w_shape)


def grad_x(gy, W, stride, pad, dilate, dims, groups):
    """gx (B, C, *dims) for gy (B, O, *outs); the transposed convolution.

    Columns of each batch chunk are produced by one GEMM and folded back
    into the image right away, so the full column matrix never exists.
    """
    xp = backend.get_array_module(gy)
    out_c, cg = W.shape[:2]
    in_c = cg * groups
    batch, outs = gy.shape[0], gy.shape[2:]
    n_out = _prod(outs)
    Wt = W.reshape(groups, out_c // groups, -1).transpose(0, 2, 1)
    gy_cm = _channel_major(gy, groups)                  # (G, Og, B*P)
    dtype = numpy.result_type(gy.dtype, W.dtype)
    gx = xp.empty((in_c, batch) + tuple(dims), dtype)
    per_sample = Wt.shape[1] * groups * n_out * dtype.itemsize
    # A 1x1 kernel without padding puts each column on one pixel: no fold
    # is needed, only a (strided) store, and pixels no window reads stay 0.
    pointwise = (all(k == 1 for k in W.shape[2:]) and not any(pad) and
                 all((o - 1) * s < d for o, s, d in zip(outs, stride, dims)))
    if pointwise and any(s != 1 or o != d
                         for o, s, d in zip(outs, stride, dims)):
        gx.fill(0)
    hit = (slice(None), slice(None)) + tuple(
        slice(0, (o - 1) * s + 1, s) for o, s in zip(outs, stride))
    for b0, b1 in _chunks(xp, batch, per_sample):
        gcol = _gemm(Wt, gy_cm[:, :, b0 * n_out:b1 * n_out])
        if pointwise:
            gx[:, b0:b1][hit] = gcol.reshape((in_c, b1 - b0) + outs)
            continue
        gcol = gcol.reshape((in_c,) + W.shape[2:] + (b1 - b0,) + outs)
        gx[:, b0:b1] = conv_nd.col2im_channel_major(gcol, stride, pad, dims,
                                                    dilate)
    if gx.dtype != gy.dtype:
        gx = gx.astype(gy.dtype)
    return gx.swapaxes(0, 1)


# --- cuDNN -----------------------------------------------------------------

def use_cudnn(x, W, cover_all=False):
    """cuDNN handles plain (non cover_all) 2-D and 3-D convolutions of
    equal dtypes (its convolutions take 4-D and 5-D tensors only)."""
    return (not cover_all and 4 <= x.ndim <= 5 and x.dtype == W.dtype
            and cuda._cudnn_usable(x))


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
    xp = backend.get_array_module(x)
    y = xp.empty((x.shape[0], W.shape[0]) + tuple(outs), x.dtype)
    cuda.cudnn.convolution_forward(
        xp.ascontiguousarray(x), xp.ascontiguousarray(W), b, y,
        tuple(pad), tuple(stride), tuple(dilate), groups, **_cudnn_opts())
    return y


def cudnn_grad_w(x, gy, w_shape, stride, pad, dilate, groups):
    xp = backend.get_array_module(x)
    gW = xp.empty(w_shape, x.dtype)
    cuda.cudnn.convolution_backward_filter(
        xp.ascontiguousarray(x), xp.ascontiguousarray(gy), gW, tuple(pad),
        tuple(stride), tuple(dilate), groups, **_cudnn_opts(True))
    return gW


def cudnn_grad_x(gy, W, b, dims, stride, pad, dilate, groups):
    xp = backend.get_array_module(gy)
    gx = xp.empty((gy.shape[0], W.shape[1] * groups) + tuple(dims),
                  gy.dtype)
    cuda.cudnn.convolution_backward_data(
        xp.ascontiguousarray(W), xp.ascontiguousarray(gy), b, gx,
        tuple(pad), tuple(stride), tuple(dilate), groups,
        **_cudnn_opts(True))
    return gx
