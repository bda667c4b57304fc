"""Batch normalization with given (fixed) statistics."""
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.functions.normalization import _bn_common
from chainer.functions.normalization import _bn_cudnn


class FixedBatchNormalization(function_node.FunctionNode):

    """y = gamma * (x - mean) / sqrt(var + eps) + beta."""

    def __init__(self, eps=2e-5, axis=None):
        self.eps = eps
        self._axis = axis
        self.axis = None

    def check_type_forward(self, in_types):
        _bn_common.check_params(
            in_types, ('x', 'gamma', 'beta', 'mean', 'var'), self._axis)

    def forward(self, inputs):
        self.retain_inputs((0, 1, 3, 4))
        x, gamma, beta, mean, var = inputs
        xp = backend.get_array_module(x)
        self.axis = _bn_common.compute_axis(x.ndim, gamma.ndim, self._axis)
        cudnn_mode = _bn_cudnn.mode(x, gamma, self.axis, self.eps)
        if cudnn_mode is not None:
            return _bn_cudnn.forward_inference(
                x, gamma, beta, mean, var, self.eps, cudnn_mode),
        pshape = _bn_common.param_shape(x.shape, self.axis)
        dtype = _bn_common.stat_dtype(x.dtype)
        inv_std = 1. / xp.sqrt(var.astype(dtype) + dtype.type(self.eps))
        # Fold everything into one scale and one shift per channel.
        scale = gamma.astype(dtype) * inv_std
        shift = beta.astype(dtype) - mean.astype(dtype) * scale
        y = x * scale.reshape(pshape).astype(x.dtype)
        y += shift.reshape(pshape).astype(x.dtype)
        return y,

    def backward(self, indexes, grad_outputs):
        # Written with functions so that any order of derivative works.
        F = chainer.functions
        x, gamma, mean, var = self.get_retained_inputs()
        gy, = grad_outputs
        pshape = _bn_common.param_shape(x.shape, self.axis)

        def bcast(v):
            return F.broadcast_to(F.reshape(v, pshape), x.shape)

        inv_std = (var + self.eps) ** -0.5
        ret = []
        if 0 in indexes:
            ret.append(gy * bcast(gamma * inv_std))
        if 1 in indexes or 4 in indexes:
            x_hat = (x - bcast(mean)) * bcast(inv_std)
            ggamma = F.sum(gy * x_hat, axis=self.axis)
        if 1 in indexes:
            ret.append(ggamma)
        if 2 in indexes or 3 in indexes:
            gbeta = F.sum(gy, axis=self.axis)
        if 2 in indexes:
            ret.append(gbeta)
        if 3 in indexes:
            ret.append(-gamma * inv_std * gbeta)
        if 4 in indexes:
            ret.append(-0.5 * gamma * inv_std * inv_std * ggamma)
        return ret


def fixed_batch_normalization(x, gamma, beta, mean, var, eps=2e-5,
                              axis=None):
    """Batch normalization function with fixed statistics.

    Normalizes ``x`` with the given ``mean`` and ``var`` instead of batch
    statistics (how a batch normalization layer predicts at test time):

    .. math:: y = \\gamma \\frac{x - mean}{\\sqrt{var + \\epsilon}} + \\beta

    Args:
        x (~chainer.Variable or ndarray): Float input.
        gamma (~chainer.Variable or ndarray): Scale (channel shape).
        beta (~chainer.Variable or ndarray): Shift (channel shape).
        mean (~chainer.Variable or ndarray): Mean to subtract (channel
            shape).
        var (~chainer.Variable or ndarray): Variance to divide by (channel
            shape).
        eps (float): Added to ``var`` for stability.
        axis (int, tuple of int or None): Axes not covered by the channel
            shape; see :func:`batch_normalization`.

    Returns:
        ~chainer.Variable: Output of the shape and dtype of ``x``.
    """
    return FixedBatchNormalization(eps, axis).apply(
        (x, gamma, beta, mean, var))[0]
