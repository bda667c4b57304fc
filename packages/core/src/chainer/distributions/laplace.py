import math

import chainer
import chainer.functions
from chainer import distribution
from chainer.distributions import utils


class Laplace(distribution.Distribution):

    """Laplace distribution.

    .. math::
        p(x;\\mu,b) = \\frac{1}{2b}
            \\exp\\left(-\\frac{|x-\\mu|}{b}\\right)

    Args:
        loc (~chainer.Variable or ndarray): Location :math:`\\mu`.
        scale (~chainer.Variable or ndarray): Scale :math:`b > 0`.

    Samples are reparameterised (``loc + scale * eps``).
    """

    def __init__(self, loc, scale):
        self.loc, self.scale = utils.as_params(('loc', 'scale'), (loc, scale))

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
        return 1. + chainer.functions.log(2. * self.scale)

    @property
    def mean(self):
        return self.loc

    @property
    def mode(self):
        return self.loc

    @property
    def stddev(self):
        return math.sqrt(2.) * self.scale

    @property
    def support(self):
        return 'real'

    @property
    def variance(self):
        return 2. * chainer.functions.square(self.scale)

    def _standardize(self, x):
        x = utils.as_input(x, self.loc.dtype)
        x, loc = utils.broadcast_pair(x, self.loc)
        return (x - loc) / utils.broadcast_to(self.scale, x.shape)

    def log_prob(self, x):
        F = chainer.functions
        z = self._standardize(x)
        return -F.absolute(z) - F.log(
            2. * utils.broadcast_to(self.scale, z.shape))

    def cdf(self, x):
        # 0.5 * exp(z) below the location, 1 - 0.5 * exp(-z) above; the
        # expm1 form keeps precision near the median.
        F = chainer.functions
        z = self._standardize(x)
        return 0.5 - 0.5 * F.sign(z) * F.expm1(-F.absolute(z))

    def log_cdf(self, x):
        # Stays finite far in the lower tail, where cdf underflows.
        F = chainer.functions
        z = self._standardize(x)
        below = z.array < 0
        lower = z - math.log(2.)
        upper = F.log1p(-0.5 * F.exp(-utils.replace(z, below, 0)))
        return F.where(below, lower, upper)

    def survival_function(self, x):
        F = chainer.functions
        z = self._standardize(x)
        return 0.5 + 0.5 * F.sign(z) * F.expm1(-F.absolute(z))

    def log_survival_function(self, x):
        F = chainer.functions
        z = self._standardize(x)
        above = z.array > 0
        upper = -z - math.log(2.)
        lower = F.log1p(-0.5 * F.exp(utils.replace(z, above, 0)))
        return F.where(above, upper, lower)

    def icdf(self, x):
        F = chainer.functions
        q = utils.as_input(x, self.loc.dtype)
        q, loc = utils.broadcast_pair(q, self.loc)
        t = q - 0.5
        scale = utils.broadcast_to(self.scale, q.shape)
        return loc - scale * F.sign(t) * F.log1p(-2. * F.absolute(t))

    def sample_n(self, n):
        # As v5: the RNG's own Laplace sampler, rounded to float32.
        eps = self.xp.random.laplace(size=(n,) + self.batch_shape)
        eps = utils.via_float32(eps, self.loc.dtype)
        return self.scale[None] * eps + self.loc[None]


@distribution.register_kl(Laplace, Laplace)
def _kl_laplace_laplace(dist1, dist2):
    F = chainer.functions
    diff = F.absolute(dist1.loc - dist2.loc)
    return (F.log(dist2.scale) - F.log(dist1.scale) + diff / dist2.scale
            + dist1.scale / dist2.scale * F.exp(-diff / dist1.scale) - 1.)
