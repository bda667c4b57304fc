"""cuDNN paths of softmax and log-softmax, through ``cupy.cudnn``.

cuDNN views the input as ``(left, n, right, 1)`` around the normalized
axis, so any shape and axis qualifies; only the array type, its dtype
and ``chainer.config.use_cudnn`` decide (see ``cuda._cudnn_usable``).
"""
from chainer.backends import cuda


def usable(x):
    return cuda._cudnn_usable(x, '>=auto')


def _algorithm(log):
    lib = cuda.libcudnn
    return lib.CUDNN_SOFTMAX_LOG if log else lib.CUDNN_SOFTMAX_ACCURATE


def forward(x, axis, log):
    """softmax (or log-softmax when ``log``) of ``x`` along ``axis``."""
    return cuda.cudnn.softmax_forward(x, axis, _algorithm(log))


def backward(y, gy, axis, log):
    """Input gradient from the output ``y`` of :func:`forward`."""
    return cuda.cudnn.softmax_backward(
        y, gy.astype(y.dtype, copy=False), axis, _algorithm(log))
