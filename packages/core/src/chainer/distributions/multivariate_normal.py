import math

import numpy

import chainer
import chainer.functions
from chainer import distribution
from chainer.distributions import utils


_LOG_2PI = math.log(2 * math.pi)


class MultivariateNormal(distribution.Distribution):

    """Multivariate normal distribution.

    .. math::
        p(x;\\mu,L) = \\frac{1}{(2\\pi)^{d/2}|\\det L|}
            \\exp\\left(-\\frac{1}{2}\\|L^{-1}(x-\\mu)\\|^2\\right)

    The covariance is :math:`\\Sigma = LL^\\top`.

    Args:
        loc (~chainer.Variable or ndarray): Mean, shape
            ``batch_shape + (d,)``.
        scale_tril (~chainer.Variable or ndarray): Lower-triangular
            Cholesky factor :math:`L` of the covariance, shape
            ``batch_shape + (d, d)`` (e.g. from ``numpy.linalg.cholesky``).
            The densities read only its lower triangle; sampling, as in
            v5, multiplies by the matrix as given. Required.

    Samples are reparameterised (``loc + L eps``).
    """

    def __init__(self, loc, scale_tril=None):
        if scale_tril is None:
            raise ValueError('`scale_tril` must have a value.')
        loc, scale_tril = utils.as_params(
            ('loc', 'scale_tril'), (loc, scale_tril), broadcast=False)
        if (loc.ndim < 1 or scale_tril.ndim != loc.ndim + 1
                or scale_tril.shape[-2:] != loc.shape[-1:] * 2
                or scale_tril.shape[:-2] != loc.shape[:-1]):
            raise ValueError(
                'scale_tril must have shape loc.shape + (d,) where d = '
                'loc.shape[-1]; got loc%s and scale_tril%s'
                % (loc.shape, scale_tril.shape))
        self.loc = loc
        self.scale_tril = scale_tril
        self.d = loc.shape[-1]
        xp = self.xp
        mask = xp.broadcast_to(
            xp.tril(xp.ones((self.d, self.d), dtype=bool)), scale_tril.shape)
        with chainer.using_config('enable_backprop', True):
            # Zeroing the upper triangle makes every result depend on the
            # lower triangle only, as the triangular solve of v5 did.
            self._tril = utils.where_const(mask, scale_tril, 0.)
            self._diag = chainer.functions.diagonal(
                self._tril, axis1=-2, axis2=-1)

    @property
    def batch_shape(self):
        return self.loc.shape[:-1]

    @property
    def event_shape(self):
        return self.loc.shape[-1:]

    @property
    def params(self):
        return {'loc': self.loc, 'scale_tril': self.scale_tril}

    def _logdet(self):
        """``log |det L|``, half the log-determinant of the covariance."""
        F = chainer.functions
        return F.sum(F.log(F.absolute(self._diag)), axis=-1)

    def _inv_tril(self):
        d = self.d
        inv = chainer.functions.batch_inv(self._tril.reshape(-1, d, d))
        return inv.reshape(self._tril.shape)

    @property
    def covariance(self):
        return chainer.functions.matmul(self._tril, self._tril, transb=True)

    @property
    def entropy(self):
        return self._logdet() + 0.5 * self.d * (1. + _LOG_2PI)

    @property
    def mean(self):
        return self.loc

    @property
    def mode(self):
        return self.loc

    @property
    def support(self):
        return 'real'

    @property
    def variance(self):
        return chainer.functions.sum(
            chainer.functions.square(self._tril), axis=-1)

    def log_prob(self, x):
        F = chainer.functions
        x = utils.as_input(x, self.loc.dtype)
        x, loc = utils.broadcast_pair(x, self.loc)
        z = _matvec(self._inv_tril(), x - loc)
        return (-0.5 * F.sum(F.square(z), axis=-1)
                - utils.broadcast_to(self._logdet(), z.shape[:-1])
                - 0.5 * self.d * _LOG_2PI)

    def sample_n(self, n):
        F = chainer.functions
        xp = self.xp
        # As v5: noise of shape (n,) + loc.shape + (1,) (float32-rounded on
        # numpy), multiplied by the whole scale_tril as given.
        shape = (n,) + self.loc.shape + (1,)
        if xp is numpy:
            eps = utils.via_float32(numpy.random.standard_normal(shape),
                                    self.loc.dtype)
        else:
            eps = xp.random.standard_normal(shape, dtype=self.loc.dtype)
        y = F.squeeze(F.matmul(self.scale_tril, eps), axis=-1)
        return self.loc[None] + y


def _matvec(m, v):
    """Batched ``m @ v`` broadcasting the batch axes of both."""
    shape = numpy.broadcast_shapes(m.shape[:-2], v.shape[:-1])
    m = utils.broadcast_to(m, shape + m.shape[-2:])
    v = utils.broadcast_to(v, shape + v.shape[-1:])
    return chainer.functions.sum(m * v[..., None, :], axis=-1)


@distribution.register_kl(MultivariateNormal, MultivariateNormal)
def _kl_multivariate_normal(dist1, dist2):
    F = chainer.functions
    inv2 = dist2._inv_tril()
    # tr(S2^-1 S1) = ||L2^-1 L1||_F^2 and the Mahalanobis term uses L2^-1 too.
    shape = numpy.broadcast_shapes(inv2.shape, dist1._tril.shape)
    m = F.matmul(utils.broadcast_to(inv2, shape),
                 utils.broadcast_to(dist1._tril, shape))
    trace = F.sum(F.square(m), axis=(-2, -1))
    mahal = F.sum(F.square(_matvec(inv2, dist2.loc - dist1.loc)), axis=-1)
    return (dist2._logdet() - dist1._logdet()
            + 0.5 * (trace + mahal - dist1.d))
