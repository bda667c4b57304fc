import math

import numpy

import chainer
import chainer.functions
from chainer import distribution
from chainer.distributions import utils
from chainer.utils import argument


_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)


class Normal(distribution.Distribution):

    """Normal distribution.

    .. math::
        p(x;\\mu,\\sigma) = \\frac{1}{\\sqrt{2\\pi\\sigma^2}}
            \\exp\\left(-\\frac{(x-\\mu)^2}{2\\sigma^2}\\right)

    Args:
        loc (~chainer.Variable or ndarray): The mean :math:`\\mu`.
        scale (~chainer.Variable or ndarray): The standard deviation
            :math:`\\sigma`. Either ``scale`` or ``log_scale`` (not both)
            must be given.
        log_scale (~chainer.Variable or ndarray): :math:`\\log\\sigma`,
            keyword only.

    Samples are reparameterised (``loc + scale * eps``), so gradients flow
    from them to ``loc`` and ``scale``.

    .. admonition:: Example

        >>> d = chainer.distributions.Normal(
        ...     np.array([0., 1.], np.float32), np.array([1., 2.], np.float32))
        >>> d.log_prob(np.array([0., 1.], np.float32)).array
        array([-0.9189385, -1.6120857], dtype=float32)
    """

    def __init__(self, loc, scale=None, **kwargs):
        log_scale, = argument.parse_kwargs(kwargs, ('log_scale', None))
        if (scale is None) == (log_scale is None):
            raise ValueError(
                'Either `scale` or `log_scale` (not both) must have a value.')
        F = chainer.functions
        # v5 builds the derived parameter with backprop enabled, so that it
        # stays differentiable even if the distribution is made in
        # no_backprop_mode.
        with chainer.using_config('enable_backprop', True):
            if scale is not None:
                self.loc, self.scale = utils.as_params(
                    ('loc', 'scale'), (loc, scale))
                self.log_scale = F.log(self.scale)
            else:
                self.loc, self.log_scale = utils.as_params(
                    ('loc', 'log_scale'), (loc, log_scale))
                self.scale = F.exp(self.log_scale)

    @property
    def batch_shape(self):
        return self.loc.shape

    @property
    def event_shape(self):
        return ()

    @property
    def params(self):
        return {'loc': self.loc, 'scale': self.scale}

    @property
    def entropy(self):
        return self.log_scale + (0.5 + _LOG_SQRT_2PI)

    @property
    def mean(self):
        return self.loc

    @property
    def mode(self):
        return self.loc

    @property
    def stddev(self):
        return self.scale

    @property
    def support(self):
        return 'real'

    @property
    def variance(self):
        return chainer.functions.square(self.scale)

    def _standardize(self, x):
        x = utils.as_input(x, self.loc.dtype)
        x, loc = utils.broadcast_pair(x, self.loc)
        return (x - loc) / utils.broadcast_to(self.scale, x.shape)

    def log_prob(self, x):
        z = self._standardize(x)
        return (-0.5 * chainer.functions.square(z)
                - utils.broadcast_to(self.log_scale, z.shape)
                - _LOG_SQRT_2PI)

    def cdf(self, x):
        return chainer.functions.ndtr(self._standardize(x))

    def log_cdf(self, x):
        return chainer.functions.log_ndtr(self._standardize(x))

    def survival_function(self, x):
        return chainer.functions.ndtr(-self._standardize(x))

    def log_survival_function(self, x):
        return chainer.functions.log_ndtr(-self._standardize(x))

    def icdf(self, x):
        q = utils.as_input(x, self.loc.dtype)
        q, loc = utils.broadcast_pair(q, self.loc)
        return (chainer.functions.ndtri(q)
                * utils.broadcast_to(self.scale, q.shape) + loc)

    def sample_n(self, n):
        xp = self.xp
        shape = (n,) + self.batch_shape
        if xp is numpy:
            eps = utils.via_float32(
                numpy.random.standard_normal(shape), self.loc.dtype)
        else:
            eps = xp.random.standard_normal(shape, dtype=self.loc.dtype)
        return (utils.broadcast_to(self.scale[None], shape) * eps
                + utils.broadcast_to(self.loc[None], shape))


@distribution.register_kl(Normal, Normal)
def _kl_normal_normal(dist1, dist2):
    F = chainer.functions
    ratio = F.square(dist1.scale / dist2.scale)
    mahal = F.square((dist1.loc - dist2.loc) / dist2.scale)
    return dist2.log_scale - dist1.log_scale + 0.5 * (ratio + mahal - 1.)
