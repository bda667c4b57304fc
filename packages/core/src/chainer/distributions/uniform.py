import math

import numpy

import chainer
import chainer.functions
from chainer import distribution
from chainer.distributions import utils


class Uniform(distribution.Distribution):

    """Uniform distribution on ``[low, high]``.

    .. math::
        p(x; l, h) = \\frac{1}{h - l} \\quad (l \\le x \\le h)

    Give either ``low`` and ``high``, or ``loc`` and ``scale`` (then
    ``low = loc`` and ``high = loc + scale``, as in :mod:`scipy.stats`).

    Args:
        low (~chainer.Variable or ndarray): Lower bound.
        high (~chainer.Variable or ndarray): Upper bound.
        loc (~chainer.Variable or ndarray): Lower bound.
        scale (~chainer.Variable or ndarray): Width ``high - low``.

    Samples are reparameterised (``low + scale * u``).
    """

    def __init__(self, low=None, high=None, loc=None, scale=None):
        by_bounds = low is not None or high is not None
        by_loc = loc is not None or scale is not None
        if by_bounds == by_loc or (by_bounds and (
                low is None or high is None)) or (by_loc and (
                loc is None or scale is None)):
            raise ValueError(
                'Either `low, high` or `loc, scale` (not both) must have a '
                'value.')
        with chainer.using_config('enable_backprop', True):
            if by_bounds:
                self.low, self.high = utils.as_params(
                    ('low', 'high'), (low, high))
                self.loc = self.low
                self.scale = self.high - self.low
            else:
                self.loc, self.scale = utils.as_params(
                    ('loc', 'scale'), (loc, scale))
                self.low = self.loc
                self.high = self.loc + self.scale

    @property
    def batch_shape(self):
        return self.low.shape

    @property
    def event_shape(self):
        return ()

    @property
    def params(self):
        return {'low': self.low, 'high': self.high}

    @property
    def entropy(self):
        return chainer.functions.log(self.scale)

    @property
    def mean(self):
        return 0.5 * (self.low + self.high)

    @property
    def stddev(self):
        return self.scale / math.sqrt(12.)

    @property
    def support(self):
        return '[low, high]'

    @property
    def variance(self):
        return chainer.functions.square(self.scale) / 12.

    def _prepare(self, x):
        x = utils.as_input(x, self.low.dtype)
        x, low = utils.broadcast_pair(x, self.low)
        return x, low, utils.broadcast_to(self.scale, x.shape)

    def log_prob(self, x):
        x, low, scale = self._prepare(x)
        inside = (x.array >= low.array) & (x.array <= low.array + scale.array)
        return utils.where_const(
            inside, -chainer.functions.log(scale), -numpy.inf)

    def cdf(self, x):
        x, low, scale = self._prepare(x)
        return chainer.functions.clip((x - low) / scale, 0., 1.)

    def survival_function(self, x):
        x, low, scale = self._prepare(x)
        return chainer.functions.clip((low + scale - x) / scale, 0., 1.)

    def icdf(self, x):
        q, low, scale = self._prepare(x)
        return low + q * scale

    def sample_n(self, n):
        u = utils.uniform(self.xp, (n,) + self.batch_shape, self.low.dtype)
        return self.scale[None] * u + self.low[None]


@distribution.register_kl(Uniform, Uniform)
def _kl_uniform_uniform(dist1, dist2):
    # Finite only when the support of dist1 lies inside that of dist2.
    F = chainer.functions
    inside = ((dist1.low.array >= dist2.low.array)
              & (dist1.high.array <= dist2.high.array))
    kl = F.log(dist2.scale) - F.log(dist1.scale)
    return utils.where_const(inside, kl, numpy.inf)
