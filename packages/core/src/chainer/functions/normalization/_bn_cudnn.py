"""cuDNN paths of batch normalization, through ``cupy.cudnn``.

cuDNN covers the two layouts that batch normalization links produce:
NCHW convolution outputs normalized per channel (``axis=(0, 2, 3)``,
spatial mode) and ``(..., C)`` outputs normalized per unit over every
leading axis (per-activation mode, e.g. ``(N, C)`` after a linear layer).
Any other axis, an ``eps`` below cuDNN's minimum, a dtype cuDNN lacks or
``use_cudnn='never'`` take the CuPy kernels instead.

cuDNN keeps its statistics and parameters in float32 for float16 inputs,
as the CuPy kernels do (``_bn_common.stat_dtype``); the parameters are
cast here so that CuPy never casts (or copies back) on its side.
"""
from chainer.backends import cuda
from chainer import backend
from chainer import configuration
from chainer.functions.normalization import _bn_common


def mode(x, gamma, axis, eps):
    """``(is_for_conv2d, cudnn_mode)`` when cuDNN should normalize ``x``
    over ``axis``; ``None`` for the CuPy kernels."""
    if not cuda._cudnn_usable(x, '>=auto', 5000) or gamma.ndim != 1:
        return None
    lib = cuda.libcudnn
    if eps < lib.CUDNN_BN_MIN_EPSILON:
        return None
    if x.ndim == 4 and tuple(axis) == (0, 2, 3):
        if (configuration.config.cudnn_fast_batch_normalization
                and cuda._cudnn_version >= 7000):
            return True, lib.CUDNN_BATCHNORM_SPATIAL_PERSISTENT
        return True, lib.CUDNN_BATCHNORM_SPATIAL
    if x.ndim >= 2 and tuple(axis) == tuple(range(x.ndim - 1)):
        return False, lib.CUDNN_BATCHNORM_PER_ACTIVATION
    return None


def _as_stat(xp, a, dtype):
    return xp.ascontiguousarray(a.astype(dtype, copy=False))


def forward_training(x, gamma, beta, running_mean, running_var, eps, decay,
                     cudnn_mode):
    """``(y, mean, inv_std)``; the running statistics (when given) move
    towards the batch's in place, with cuDNN's unbiased variance (the v5
    rule).  ``mean`` and ``inv_std`` have the shape of ``gamma``."""
    xp = backend.get_array_module(x)
    is_for_conv2d, cmode = cudnn_mode
    dtype = _bn_common.stat_dtype(x.dtype)
    shape = gamma.shape
    mean = xp.empty(shape, dtype)
    inv_std = xp.empty(shape, dtype)
    # cuDNN always updates some running statistics: give it scratch ones
    # when the caller has none, or when theirs are not of its layout.
    given = running_mean is not None
    if given and running_mean.dtype == dtype and running_var.dtype == dtype \
            and running_mean.flags.c_contiguous \
            and running_var.flags.c_contiguous:
        r_mean, r_var = running_mean, running_var
    elif given:
        r_mean = _as_stat(xp, running_mean, dtype)
        r_var = _as_stat(xp, running_var, dtype)
    else:
        r_mean = xp.zeros(shape, dtype)
        r_var = xp.zeros(shape, dtype)
    y = cuda.cudnn.batch_normalization_forward_training(
        xp.ascontiguousarray(x), _as_stat(xp, gamma, dtype),
        _as_stat(xp, beta, dtype), r_mean, r_var, mean, inv_std,
        float(eps), float(decay), is_for_conv2d, cmode,
        bool(configuration.config.debug))
    if given and r_mean is not running_mean:
        running_mean[...] = r_mean
        running_var[...] = r_var
    return y, mean, inv_std


def backward(x, gamma, gy, mean, inv_std, eps, cudnn_mode):
    """``(gx, ggamma, gbeta)`` from the ``mean`` and ``inv_std`` of
    :func:`forward_training` (any shape with gamma's size)."""
    xp = backend.get_array_module(x)
    is_for_conv2d, cmode = cudnn_mode
    dtype = mean.dtype
    shape = gamma.shape
    gx, ggamma, gbeta = cuda.cudnn.batch_normalization_backward(
        xp.ascontiguousarray(x), _as_stat(xp, gamma, dtype),
        xp.ascontiguousarray(gy.astype(x.dtype, copy=False)),
        _as_stat(xp, mean.reshape(shape), dtype),
        _as_stat(xp, inv_std.reshape(shape), dtype), float(eps),
        is_for_conv2d, cmode, bool(configuration.config.debug))
    return (gx.astype(x.dtype, copy=False),
            ggamma.astype(x.dtype, copy=False),
            gbeta.astype(x.dtype, copy=False))


def forward_inference(x, gamma, beta, mean, var, eps, cudnn_mode):
    """``y`` normalized with the given statistics."""
    xp = backend.get_array_module(x)
    is_for_conv2d, cmode = cudnn_mode
    dtype = _bn_common.stat_dtype(x.dtype)
    return cuda.cudnn.batch_normalization_forward_inference(
        xp.ascontiguousarray(x), _as_stat(xp, gamma, dtype),
        _as_stat(xp, beta, dtype), _as_stat(xp, mean, dtype),
        _as_stat(xp, var, dtype), float(eps), is_for_conv2d, cmode)
