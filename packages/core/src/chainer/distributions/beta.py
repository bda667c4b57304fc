import numpy

import chainer
import chainer.functions
from chainer import distribution
from chainer.distributions import utils


class Beta(distribution.Distribution):

    """Beta distribution on ``[0, 1]``.

    .. math::
        p(x; a, b) = \\frac{x^{a-1}(1-x)^{b-1}}{B(a, b)}

    Args:
        a (~chainer.Variable or ndarray): Shape parameter :math:`a > 0`.
        b (~chainer.Variable or ndarray): Shape parameter :math:`b > 0`.

    Samples are not reparameterised.
    """

    def __init__(self, a, b):
        self.a, self.b = utils.as_params(('a', 'b'), (a, b))

    @property
    def batch_shape(self):
        return self.a.shape

    @property
    def event_shape(self):
        return ()

    @property
    def params(self):
        return {'a': self.a, 'b': self.b}

    @property
    def entropy(self):
        F = chainer.functions
        a, b = self.a, self.b
        return (utils.lbeta(a, b) - (a - 1.) * F.digamma(a)
                - (b - 1.) * F.digamma(b)
                + (a + b - 2.) * F.digamma(a + b))

    @property
    def mean(self):
        return self.a / (self.a + self.b)

    @property
    def support(self):
        return '[0, 1]'

    @property
    def variance(self):
        s = self.a + self.b
        return self.a * self.b / (chainer.functions.square(s) * (s + 1.))

    def log_prob(self, x):
        x = utils.as_input(x, self.a.dtype)
        x, a = utils.broadcast_pair(x, self.a)
        b = utils.broadcast_to(self.b, x.shape)
        xa = x.array
        outside = (xa < 0) | (xa > 1)
        # Points outside [0, 1] are moved to 1/2 before the logs, so that
        # neither the value nor the gradient of the kept branch is NaN.
        x = utils.replace(x, outside, 0.5)
        with numpy.errstate(divide='ignore'):
            lp = (_xlog(a - 1., x) + _xlog(b - 1., 1. - x)
                  - utils.lbeta(a, b))
        return utils.where_const(~outside, lp, -numpy.inf)

    def sample_n(self, n):
        # As v5: the RNG's own beta sampler, cast to the dtype.
        eps = self.xp.random.beta(self.a.array, self.b.array,
                                  size=(n,) + self.batch_shape)
        return chainer.Variable(eps.astype(self.a.dtype))


def _xlog(c, x):
    """``c * log(x)``, taken as 0 where ``c`` is 0 (``a = 1`` at ``x = 0``)."""
    return utils.xlogy_from_log(c, chainer.functions.log(x))


@distribution.register_kl(Beta, Beta)
def _kl_beta_beta(dist1, dist2):
    F = chainer.functions
    a1, b1, a2, b2 = dist1.a, dist1.b, dist2.a, dist2.b
    return (utils.lbeta(a2, b2) - utils.lbeta(a1, b1)
            + (a1 - a2) * F.digamma(a1) + (b1 - b2) * F.digamma(b1)
            + (a2 - a1 + b2 - b1) * F.digamma(a1 + b1))
