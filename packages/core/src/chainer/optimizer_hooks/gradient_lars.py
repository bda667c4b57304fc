"""Layer-wise adaptive rate scaling (LARS) of gradients."""
from chainer.backends import cuda


class GradientLARS(object):

    """Optimizer/UpdateRule hook function for layer wise adaptive rate scaling.

    See `Large Batch Training of Convolutional Networks
    <https://arxiv.org/abs/1708.03888>`_ and `Convergence Analysis of
    Gradient Descent Algorithms with Proportional Updates
    <https://arxiv.org/abs/1801.03137>`_.

    For each parameter :math:`w` with gradient :math:`g`, the hook first
    adds the weight decay, :math:`g \\leftarrow g + \\beta w`, then, when
    :math:`\\|w\\| > \\mathrm{threshold}`, scales it by the local rate

    .. math::
        \\frac{\\|w\\|}{\\epsilon + \\|g_0\\| + \\beta \\|w\\|},

    where :math:`g_0` is the incoming gradient. Combined with
    :class:`~chainer.optimizers.SGD` or
    :class:`~chainer.optimizers.MomentumSGD`, ``lr`` plays the role of the
    global rate times the LARS coefficient.

    Args:
        threshold (float): Weight norm above which the gradient is scaled.
        weight_decay (float): Coefficient for the weight decay.
        eps (float): Small value for numerical stability.

    Attributes:
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.
        call_for_each_param (bool): Always ``True``.
    """

    name = 'GradientLARS'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, threshold=1e-2, weight_decay=0.0, eps=1e-9):
        self.threshold = threshold
        self.weight_decay = weight_decay
        self.eps = eps

    def __call__(self, rule, param):
        p, g = param.array, param.grad
        if p is None or g is None:
            return
        xp = cuda.get_array_module(p)
        with cuda.get_device_from_array(p) as dev:
            p_norm = xp.linalg.norm(p)
            g_norm = xp.linalg.norm(g)
            local_rate = p_norm / (
                self.eps + g_norm + self.weight_decay * p_norm)
            # 0-dim arrays: the choice stays on the device (no sync on GPU).
            rate = xp.where(p_norm > self.threshold, local_rate, 1.0)
            if int(dev) == -1:
                g += self.weight_decay * p
                g *= rate.astype(g.dtype)
            else:
                cuda.elementwise(
                    'T p, T rate, T weight_decay', 'T g',
                    'g = (g + weight_decay * p) * rate',
                    'gradient_lars')(p, rate.astype(g.dtype),
                                     self.weight_decay, g)
