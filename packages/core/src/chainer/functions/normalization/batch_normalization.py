"""Batch normalization with batch statistics, and its gradient nodes."""
import chainer
from chainer import backend
from chainer import function_node
from chainer.functions.normalization import _bn_common
from chainer.functions.normalization import _bn_cudnn
from chainer.utils import argument


class BatchNormalization(function_node.FunctionNode):

    """Normalizes x with its own mean and variance over ``axis``."""

    def __init__(self, eps=2e-5, mean=None, var=None, decay=0.9, axis=None):
        self.running_mean = mean
        self.running_var = var
        self.eps = eps
        self.decay = decay
        self._axis = axis
        self.axis = None
        self.mean = None
        self.inv_std = None
        self._cudnn_mode = None

    def check_type_forward(self, in_types):
        _bn_common.check_params(
            in_types, ('x', 'gamma', 'beta'), self._axis)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gamma, beta = inputs
        xp = backend.get_array_module(x)
        self.axis = _bn_common.compute_axis(x.ndim, gamma.ndim, self._axis)
        pshape = _bn_common.param_shape(x.shape, self.axis)
        self._cudnn_mode = _bn_cudnn.mode(x, gamma, self.axis, self.eps)
        if self._cudnn_mode is not None:
            y, mean, inv_std = _bn_cudnn.forward_training(
                x, gamma, beta, self.running_mean, self.running_var,
                self.eps, self.decay, self._cudnn_mode)
            self.mean = mean.reshape(pshape)
            self.inv_std = inv_std.reshape(pshape)
            return y,
        dtype = _bn_common.stat_dtype(x.dtype)
        xs = x.astype(dtype, copy=False)
        mean = xs.mean(axis=self.axis, keepdims=True)
        xc = xs - mean
        var = xp.square(xc).mean(axis=self.axis, keepdims=True)
        inv_std = 1. / xp.sqrt(var + dtype.type(self.eps))
        self.mean, self.inv_std = mean, inv_std
        scale = gamma.reshape(pshape).astype(dtype) * inv_std
        xc *= scale
        xc += beta.reshape(pshape)
        y = xc.astype(x.dtype, copy=False)

        if self.running_mean is not None:
            _bn_common.update_running(
                self.running_mean, self.running_var, self.decay,
                mean.reshape(gamma.shape), var.reshape(gamma.shape),
                x.size // gamma.size)
        return y,

    def backward(self, indexes, grad_outputs):
        x, gamma = self.get_retained_inputs()
        gy, = grad_outputs
        return BatchNormalizationGrad(
            self.axis, self.mean, self.inv_std).apply((x, gamma, gy))

    def _backward_arrays(self, indexes, grad_outputs):
        # Plain backprop: the same kernel as BatchNormalizationGrad.forward,
        # without its node or Variables (and x_hat is not kept).
        gy, = grad_outputs
        x, gamma = self.inputs[0]._data, self.inputs[1]._data
        if self._cudnn_mode is not None:
            gx, ggamma, gbeta = _bn_cudnn.backward(
                x, gamma, gy, self.mean, self.inv_std, self.eps,
                self._cudnn_mode)
        else:
            gx, ggamma, gbeta, _ = _grads(
                self.axis, self.mean, self.inv_std, x, gamma, gy)
        ret = (gx, ggamma, gbeta)
        return tuple([ret[i] for i in indexes])


def _grads(axis, mean, inv_std, x, gamma, gy):
    """(gx, ggamma, gbeta, x_hat) of batch normalization; in-place steps
    keep the temporaries few, with the operations (and roundings) of
    ``coef * (gy - gbeta / m - x_hat * (ggamma / m))``."""
    xp = backend.get_array_module(x)
    dtype = mean.dtype
    m = x.size // gamma.size
    # x - mean promotes x to the statistics' dtype exactly, as astype.
    x_hat = x - mean
    x_hat *= inv_std
    gy = gy.astype(dtype, copy=False)
    gbeta = gy.sum(axis=axis, keepdims=True)
    tmp = gy * x_hat
    ggamma = tmp.sum(axis=axis, keepdims=True)
    coef = gamma.reshape(mean.shape) * inv_std
    gx = gy - gbeta / m
    gx -= xp.multiply(x_hat, ggamma / m, out=tmp)
    gx *= coef
    return (gx.astype(x.dtype, copy=False),
            ggamma.reshape(gamma.shape).astype(x.dtype, copy=False),
            gbeta.reshape(gamma.shape).astype(x.dtype, copy=False), x_hat)


class BatchNormalizationGrad(function_node.FunctionNode):

    """(x, gamma, gy) -> (gx, ggamma, gbeta) with fixed batch statistics."""

    def __init__(self, axis, mean, inv_std):
        self.axis = axis
        self.mean = mean
        self.inv_std = inv_std

    def _reduce(self, a):
        return a.sum(axis=self.axis, keepdims=True)

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        x, gamma, gy = inputs
        gx, ggamma, gbeta, self._x_hat = _grads(
            self.axis, self.mean, self.inv_std, x, gamma, gy)
        return gx, ggamma, gbeta

    def backward(self, indexes, grad_outputs):
        # Second derivatives, derived by hand with the centering operator
        # P(v) = v - mean(v) - x_hat * mean(x_hat * v).
        x, gamma, gy = self.get_retained_inputs()
        x, gamma, gy = x.array, gamma.array, gy.array
        xp = backend.get_array_module(x)
        dtype = self.mean.dtype
        m = x.size // gamma.size
        pshape = self.mean.shape
        x_hat = self._x_hat
        gy = gy.astype(dtype, copy=False)
        ggx, gggamma, ggbeta = [
            xp.zeros(s, dtype) if g is None else g.array.astype(dtype)
            for g, s in zip(grad_outputs, (x.shape, pshape, pshape))]
        gggamma = gggamma.reshape(pshape)
        ggbeta = ggbeta.reshape(pshape)
        g = gamma.reshape(pshape).astype(dtype)
        inv_std = self.inv_std

        def center(v):
            return (v - self._reduce(v) / m
                    - x_hat * (self._reduce(x_hat * v) / m))

        p_gy = center(gy)
        p_ggx = center(ggx)
        c = self._reduce(gy * x_hat) / m
        s1 = self._reduce(ggx * p_gy)
        s2 = self._reduce(ggx * x_hat)

        ret = []
        if 0 in indexes:
            gx = inv_std * gggamma * p_gy - g * inv_std * inv_std * (
                s1 * x_hat / m + c * p_ggx + s2 * p_gy / m)
            ret.append(chainer.Variable(gx.astype(x.dtype, copy=False)))
        if 1 in indexes:
            g_gamma = (inv_std * s1).reshape(gamma.shape)
            ret.append(chainer.Variable(g_gamma.astype(x.dtype, copy=False)))
        if 2 in indexes:
            g_gy = ggbeta + gggamma * x_hat + g * inv_std * p_ggx
            ret.append(chainer.Variable(g_gy.astype(x.dtype, copy=False)))
        return ret


def batch_normalization(x, gamma, beta, **kwargs):
    """batch_normalization(x, gamma, beta, eps=2e-5, running_mean=None, \
running_var=None, decay=0.9, axis=None)

    Batch normalization function.

    Normalizes ``x`` with the mean and (biased) variance computed over
    ``axis``, then scales by ``gamma`` and shifts by ``beta``:

    .. math:: y = \\gamma \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}}
              + \\beta

    The statistics are always taken from the batch; to normalize with
    fixed statistics use :func:`fixed_batch_normalization`.

    Args:
        x (~chainer.Variable or ndarray): Float input; axis 0 is the batch.
        gamma (~chainer.Variable or ndarray): Scale, of the shape of the
            axes of ``x`` that are not reduced.
        beta (~chainer.Variable or ndarray): Shift, shape of ``gamma``.
        eps (float): Added to the variance for stability.
        running_mean (ndarray): Running average of the mean, updated in
            place as ``decay * running_mean + (1 - decay) * mean``. ``None``
            disables the update (then ``running_var`` must be ``None``).
        running_var (ndarray): Running average of the variance, updated in
            place with the unbiased batch variance ``var * m / (m - 1)``
            (``m``: number of reduced elements per channel).
        decay (float): Decay rate of the running averages.
        axis (int, tuple of int or None): Sorted axes to reduce over. By
            default ``0`` and every axis after the ``gamma.ndim`` channel
            axes, e.g. ``(0, 2, 3)`` for NCHW input.

    Returns:
        ~chainer.Variable: Output of the shape and dtype of ``x``.

    See: `Batch Normalization <https://arxiv.org/abs/1502.03167>`_
    """
    eps, running_mean, running_var, decay, axis = argument.parse_kwargs(
        kwargs, ('eps', 2e-5), ('running_mean', None),
        ('running_var', None), ('decay', 0.9), ('axis', None),
        train='train argument is not supported anymore. '
              'Use chainer.using_config')
    if (running_mean is None) != (running_var is None):
        raise ValueError('running_mean and running_var must be both None '
                         'or both given')
    return BatchNormalization(eps, running_mean, running_var, decay,
                              axis).apply((x, gamma, beta))[0]
