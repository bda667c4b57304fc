"""Annealed Gaussian noise added to the gradients."""
import numpy

from chainer.backends import cuda


def exponential_decay_noise(xp, shape, dtype, hook, opt):
    """Gaussian noise with variance ``hook.eta / (1 + opt.t) ** 0.55``.

    From `Adding Gradient Noise Improves Learning for Very Deep Networks
    <https://arxiv.org/pdf/1511.06807>`_.

    Args:
        xp: ``numpy`` or ``cupy``.
        shape (tuple of ints): Shape of the noise.
        dtype: Data type of the noise.
        hook (GradientNoise): The hook (gives ``eta``).
        opt: The update rule (or optimizer); gives the step count ``t``.
    """
    std = numpy.sqrt(hook.eta / numpy.power(1 + opt.t, 0.55))
    return xp.random.normal(0, std, shape).astype(dtype)


class GradientNoise(object):

    """Optimizer/UpdateRule hook function for adding gradient noise.

    Adds ``noise_func(xp, shape, dtype, hook, rule)`` to every gradient. The
    default adds :math:`N(0, \\sigma_t^2)` with
    :math:`\\sigma_t^2 = \\eta / (1 + t)^{0.55}`.

    Args:
        eta (float): Scale of the noise; 0.01, 0.3 or 1.0 are recommended
            for the default noise function.
        noise_func (function): Noise generating function.

    Attributes:
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.
        call_for_each_param (bool): Always ``True``.
    """

    name = 'GradientNoise'
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, eta, noise_func=exponential_decay_noise):
        self.eta = eta
        self.noise_func = noise_func

    def __call__(self, rule, param):
        g = param.grad
        if g is None:
            return
        xp = cuda.get_array_module(g)
        with cuda.get_device_from_array(g):
            g += self.noise_func(xp, g.shape, g.dtype, self, rule)
