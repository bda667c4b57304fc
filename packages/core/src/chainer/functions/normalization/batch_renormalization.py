"""Batch renormalization (Ioffe, 2017) and its fixed-statistics form."""
import chainer
from chainer import backend
from chainer import function_node
from chainer.functions.normalization import _bn_common
from chainer.functions.normalization import fixed_batch_normalization


class BatchRenormalizationFunction(function_node.FunctionNode):

    """Batch normalization corrected by the clipped ratios r and d."""

    def __init__(self, eps=2e-5, mean=None, var=None, decay=0.9,
                 rmax=1, dmax=0, update_statistics=True):
        self.running_mean = mean
        self.running_var = var
        self.eps = eps
        self.decay = decay
        self.rmax = rmax
        self.dmax = dmax
        self.update_statistics = update_statistics
        self.axis = None
        self.r = None
        self.d = None

    def check_type_forward(self, in_types):
        _bn_common.check_params(in_types, ('x', 'gamma', 'beta'), None)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gamma, beta = inputs
        xp = backend.get_array_module(x)
        self.axis = _bn_common.compute_axis(x.ndim, gamma.ndim, None)
        pshape = _bn_common.param_shape(x.shape, self.axis)
        dtype = _bn_common.stat_dtype(x.dtype)
        xs = x.astype(dtype, copy=False)
        mean = xs.mean(axis=self.axis)
        # v5 keeps eps inside the variance, also in the running average.
        var = xs.var(axis=self.axis) + dtype.type(self.eps)
        std = xp.sqrt(var)
        if self.running_mean is None:
            self.running_mean = xp.zeros_like(mean)
            self.running_var = xp.zeros_like(var)
        running_sigma = xp.sqrt(self.running_var.astype(dtype) +
                                dtype.type(self.eps))
        self.r = xp.clip(std / running_sigma, 1. / self.rmax, self.rmax)
        self.d = xp.clip((mean - self.running_mean) / running_sigma,
                         -self.dmax, self.dmax)
        self.mean = mean.reshape(pshape)
        self.std = std.reshape(pshape)
        x_hat = (xs - self.mean) / self.std
        x_hat *= self.r.reshape(pshape)
        x_hat += self.d.reshape(pshape)
        y = gamma.reshape(pshape) * x_hat + beta.reshape(pshape)

        if self.update_statistics:
            _bn_common.update_running(
                self.running_mean, self.running_var, self.decay, mean, var,
                x.size // gamma.size)
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        # r and d are treated as constants, as in the paper.
        x, gamma = self.get_retained_inputs()
        x, gamma = x.array, gamma.array
        gy = grad_outputs[0].array
        dtype = self.mean.dtype
        pshape = self.mean.shape
        m = x.size // gamma.size
        x_hat = (x.astype(dtype) - self.mean) / self.std
        gy = gy.astype(dtype, copy=False)
        gbeta = gy.sum(axis=self.axis)
        g_xhat = (gy * x_hat).sum(axis=self.axis)
        r = self.r.reshape(pshape)
        ggamma = r.reshape(gamma.shape) * g_xhat + self.d * gbeta
        coef = gamma.reshape(pshape) * r / self.std
        gx = coef * (gy - gbeta.reshape(pshape) / m
                     - x_hat * g_xhat.reshape(pshape) / m)
        return tuple(chainer.Variable(a.astype(x.dtype, copy=False))
                     for a in (gx, ggamma.reshape(gamma.shape),
                               gbeta.reshape(gamma.shape)))


def batch_renormalization(x, gamma, beta, rmax, dmax, eps=2e-5,
                          running_mean=None, running_var=None, decay=0.9,
                          update_statistics=False):
    """Batch renormalization function.

    Like :func:`batch_normalization`, but the normalized value is corrected
    towards the running statistics:
    ``x_hat = (x - mean) / std * r + d`` with
    ``r = clip(std / running_std, 1 / rmax, rmax)`` and
    ``d = clip((mean - running_mean) / running_std, -dmax, dmax)``
    (``std`` and ``running_std`` include ``eps``). ``r`` and ``d`` get no
    gradient.

    Args:
        x (~chainer.Variable or ndarray): Float input.
        gamma (~chainer.Variable or ndarray): Scale (channel shape).
        beta (~chainer.Variable or ndarray): Shift (channel shape).
        rmax (float): Upper bound of ``r`` (``>= 1``).
        dmax (float): Bound of ``|d|`` (``>= 0``).
        eps (float): Added to the variances.
        running_mean (ndarray): Running mean; zeros if ``None``.
        running_var (ndarray): Running variance; zeros if ``None``.
        decay (float): Decay rate of the running averages.
        update_statistics (bool): If ``True``, update ``running_mean`` and
            ``running_var`` in place (unbiased variance, as in v5 the
            variance includes ``eps``). By default they are left unchanged.

    Returns:
        ~chainer.Variable: Output of the shape and dtype of ``x``.

    See: `Batch Renormalization <https://arxiv.org/abs/1702.03275>`_
    """
    if (running_mean is None) != (running_var is None):
        raise ValueError('running_mean and running_var must be both None '
                         'or both given')
    return BatchRenormalizationFunction(
        eps, running_mean, running_var, decay, rmax, dmax,
        update_statistics).apply((x, gamma, beta))[0]


def fixed_batch_renormalization(x, gamma, beta, mean, var, eps=2e-5):
    """Batch renormalization with fixed statistics (inference mode).

    At test time batch renormalization is the same as
    :func:`fixed_batch_normalization`.

    Args:
        x (~chainer.Variable or ndarray): Float input.
        gamma (~chainer.Variable or ndarray): Scale (channel shape).
        beta (~chainer.Variable or ndarray): Shift (channel shape).
        mean (~chainer.Variable or ndarray): Mean (channel shape).
        var (~chainer.Variable or ndarray): Variance (channel shape).
        eps (float): Added to ``var``.

    Returns:
        ~chainer.Variable: Output of the shape and dtype of ``x``.
    """
    return fixed_batch_normalization.fixed_batch_normalization(
        x, gamma, beta, mean, var, eps)
