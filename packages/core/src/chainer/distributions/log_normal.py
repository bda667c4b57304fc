import math

import numpy

import chainer
import chainer.functions
from chainer import distribution
from chainer.distributions import utils


_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)


class LogNormal(distribution.Distribution):

    """Log-normal distribution: ``exp(X)`` for a normal ``X``.

    .. math::
        p(x;\\mu,\\sigma) = \\frac{1}{\\sqrt{2\\pi\\sigma^2} x}
            \\exp\\left(-\\frac{(\\log x-\\mu)^2}{2\\sigma^2}\\right)

    Args:
        mu (~chainer.Variable or ndarray): Mean :math:`\\mu` of ``log x``.
        sigma (~chainer.Variable or ndarray): Standard deviation
            :math:`\\sigma` of ``log x``.

    Samples are reparameterised (``exp(mu + sigma * eps)``).
    """

    def __init__(self, mu, sigma):
        self.mu, self.sigma = utils.as_params(('mu', 'sigma'), (mu, sigma))

    @property
    def batch_shape(self):
        return self.mu.shape

    @property
    def event_shape(self):
        return ()

    @property
    def params(self):
        return {'mu': self.mu, 'sigma': self.sigma}

    @property
    def entropy(self):
        return (0.5 + _LOG_SQRT_2PI) + chainer.functions.log(self.sigma) \
            + self.mu

    @property
    def mean(self):
        return chainer.functions.exp(
            self.mu + 0.5 * chainer.functions.square(self.sigma))

    @property
    def mode(self):
        return chainer.functions.exp(
            self.mu - chainer.functions.square(self.sigma))

    @property
    def support(self):
        return 'positive'

    @property
    def variance(self):
        F = chainer.functions
        s2 = F.square(self.sigma)
        return F.expm1(s2) * F.exp(2. * self.mu + s2)

    def _log_x(self, x):
        """Returns ``log x`` (at a safe value where x <= 0) and the mask of
        points outside the support."""
        x = utils.as_input(x, self.mu.dtype)
        x = utils.broadcast_pair(x, self.mu)[0]
        outside = x.array <= 0
        return chainer.functions.log(utils.replace(x, outside, 1)), outside

    def log_prob(self, x):
        F = chainer.functions
        log_x, outside = self._log_x(x)
        mu = utils.broadcast_to(self.mu, log_x.shape)
        sigma = utils.broadcast_to(self.sigma, log_x.shape)
        lp = (-0.5 * F.square((log_x - mu) / sigma) - F.log(sigma)
              - log_x - _LOG_SQRT_2PI)
        return utils.where_const(~outside, lp, -numpy.inf)

    def cdf(self, x):
        log_x, outside = self._log_x(x)
        mu = utils.broadcast_to(self.mu, log_x.shape)
        sigma = utils.broadcast_to(self.sigma, log_x.shape)
        c = chainer.functions.ndtr((log_x - mu) / sigma)
        return utils.where_const(~outside, c, 0.)

    def icdf(self, x):
        q = utils.as_input(x, self.mu.dtype)
        q, mu = utils.broadcast_pair(q, self.mu)
        sigma = utils.broadcast_to(self.sigma, q.shape)
        return chainer.functions.exp(chainer.functions.ndtri(q) * sigma + mu)

    def sample_n(self, n):
        eps = utils.standard_normal(
            self.xp, (n,) + self.batch_shape, self.mu.dtype)
        return chainer.functions.exp(self.sigma[None] * eps + self.mu[None])


@distribution.register_kl(LogNormal, LogNormal)
def _kl_log_normal_log_normal(dist1, dist2):
    # Equal to the KL between the underlying normals (exp is a bijection).
    F = chainer.functions
    ratio = F.square(dist1.sigma / dist2.sigma)
    mahal = F.square((dist1.mu - dist2.mu) / dist2.sigma)
    return F.log(dist2.sigma) - F.log(dist1.sigma) \
        + 0.5 * (ratio + mahal - 1.)
