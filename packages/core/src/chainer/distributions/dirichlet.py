import numpy

import chainer
import chainer.functions
from chainer import distribution
from chainer.distributions import utils


class Dirichlet(distribution.Distribution):

    """Dirichlet distribution on the probability simplex.

    .. math::
        p(x; \\alpha) = \\frac{\\Gamma(\\alpha_0)}{\\prod_i\\Gamma(\\alpha_i)}
            \\prod_i x_i^{\\alpha_i - 1}, \\quad \\alpha_0 = \\sum_i \\alpha_i

    Args:
        alpha (~chainer.Variable or ndarray): Concentrations
            :math:`\\alpha_i > 0`, shape ``batch_shape + (K,)``.

    Samples are not reparameterised.
    """

    def __init__(self, alpha):
        self.alpha, = utils.as_params(('alpha',), (alpha,))
        if self.alpha.ndim < 1:
            raise ValueError(
                'alpha of Dirichlet must have at least one axis (the '
                'categories), got shape %s' % (self.alpha.shape,))
        with chainer.using_config('enable_backprop', True):
            self.alpha0 = chainer.functions.sum(self.alpha, axis=-1)

    @property
    def batch_shape(self):
        return self.alpha.shape[:-1]

    @property
    def event_shape(self):
        return self.alpha.shape[-1:]

    @property
    def params(self):
        return {'alpha': self.alpha}

    def _log_norm(self):
        """Logarithm of the multivariate beta function of alpha."""
        F = chainer.functions
        return F.sum(F.lgamma(self.alpha), axis=-1) - F.lgamma(self.alpha0)

    @property
    def entropy(self):
        F = chainer.functions
        k = self.alpha.shape[-1]
        return (self._log_norm() + (self.alpha0 - k) * F.digamma(self.alpha0)
                - F.sum((self.alpha - 1.) * F.digamma(self.alpha), axis=-1))

    @property
    def mean(self):
        return self.alpha / self.alpha0[..., None]

    @property
    def support(self):
        return '[0, 1]'

    @property
    def variance(self):
        a0 = self.alpha0[..., None]
        return (self.alpha * (a0 - self.alpha)
                / (chainer.functions.square(a0) * (a0 + 1.)))

    def log_prob(self, x):
        F = chainer.functions
        x = utils.as_input(x, self.alpha.dtype)
        x, alpha = utils.broadcast_pair(x, self.alpha)
        xa = x.array
        # Events with a component outside [0, 1] get -inf; negative
        # components are moved before the log so nothing turns into NaN.
        # v5 did not check that the components sum to one; neither do we.
        outside = ((xa < 0) | (xa > 1)).any(axis=-1)
        x = utils.replace(x, xa < 0, 0.5)
        with numpy.errstate(divide='ignore'):
            log_x = F.log(x)
        lp = F.sum(utils.xlogy_from_log(alpha - 1., log_x), axis=-1) \
            - utils.broadcast_to(self._log_norm(), x.shape[:-1])
        return utils.where_const(~outside, lp, -numpy.inf)

    def sample_n(self, n):
        xp = self.xp
        k = self.alpha.shape[-1]
        # As v5: one ``dirichlet`` call of n draws per distribution of the
        # batch, in C order of the batch, rounded to float32.
        rows = self.alpha.array.reshape(-1, k)
        eps = xp.stack([xp.random.dirichlet(row, size=(n,))
                        for row in rows], axis=1)
        eps = utils.via_float32(eps, self.alpha.dtype)
        return chainer.Variable(eps.reshape((n,) + self.alpha.shape))


@distribution.register_kl(Dirichlet, Dirichlet)
def _kl_dirichlet_dirichlet(dist1, dist2):
    F = chainer.functions
    a1, a2 = dist1.alpha, dist2.alpha
    return (dist2._log_norm() - dist1._log_norm()
            + F.sum((a1 - a2) * (F.digamma(a1)
                                 - F.digamma(dist1.alpha0)[..., None]),
                    axis=-1))
