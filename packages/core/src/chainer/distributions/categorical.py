import numpy

import chainer
import chainer.functions
from chainer import backend
from chainer import distribution
from chainer import utils as chainer_utils
from chainer.distributions import utils


class Categorical(distribution.Distribution):

    """Categorical distribution over ``{0, ..., K - 1}``.

    .. math::
        P(x = i; p) = p_i

    Args:
        p (~chainer.Variable or ndarray): Probabilities, shape
            ``batch_shape + (K,)``, summing to one over the last axis.
        logit (~chainer.Variable or ndarray): Unnormalised log
            probabilities :math:`\\log p + C`. Either ``p`` or ``logit``
            (not both) must be given.

    Samples are integer class indices (``int64``), not reparameterised.
    """

    def __init__(self, p=None, logit=None):
        if (p is None) == (logit is None):
            raise ValueError(
                'Either `p` or `logit` (not both) must have a value.')
        F = chainer.functions
        with chainer.using_config('enable_backprop', True):
            if p is None:
                logit, = utils.as_params(('logit',), (logit,))
                _check_ndim(logit, 'logit')
                self.log_p = F.log_softmax(logit, axis=-1)
                self.p = F.exp(self.log_p)
            else:
                self.p, = utils.as_params(('p',), (p,))
                _check_ndim(self.p, 'p')
                # Classes of probability 0 get a log of -inf.
                with numpy.errstate(divide='ignore'):
                    self.log_p = F.log(self.p)

    @property
    def batch_shape(self):
        return self.p.shape[:-1]

    @property
    def event_shape(self):
        return ()

    @property
    def params(self):
        return {'p': self.p}

    @property
    def entropy(self):
        return -chainer.functions.sum(
            utils.xlogy_from_log(self.p, self.log_p), axis=-1)

    @property
    def mode(self):
        return chainer.Variable(chainer_utils.force_array(
            self.xp.argmax(self.p.array, axis=-1)))

    @property
    def support(self):
        return '{0, ..., %d}' % (self.p.shape[-1] - 1)

    def log_prob(self, x):
        F = chainer.functions
        x = x.array if isinstance(x, chainer.Variable) else x
        xp = backend.get_array_module(x)
        x = xp.asarray(x)
        if x.dtype.kind not in 'iu':
            raise TypeError(
                'x of Categorical.log_prob must be an integer array, got '
                'dtype %s' % x.dtype)
        k = self.p.shape[-1]
        shape = numpy.broadcast_shapes(x.shape, self.batch_shape)
        x = xp.broadcast_to(x, shape)
        log_p = utils.broadcast_to(self.log_p, shape + (k,))
        outside = (x < 0) | (x >= k)
        # Picks log_p[..., x] as a masked sum, which also gives log_p its
        # gradient; classes outside 0..K-1 get -inf.
        onehot = xp.arange(k) == utils.replace(x, outside, 0)[..., None]
        picked = F.sum(F.where(onehot, log_p, xp.zeros_like(log_p.array)),
                       axis=-1)
        return utils.where_const(~outside, picked, -numpy.inf)

    def sample_n(self, n):
        xp = self.xp
        k = self.p.shape[-1]
        # As v5: one ``choice`` call of n draws per distribution of the
        # batch, in C order of the batch.
        rows = self.p.array.reshape(-1, k)
        eps = [xp.random.choice(k, size=(n,), p=row) for row in rows]
        eps = xp.vstack(eps).T.reshape((n,) + self.batch_shape)
        return chainer.Variable(eps)


def _check_ndim(v, name):
    if v.ndim < 1:
        raise ValueError(
            '%s of Categorical must have at least one axis (the classes), '
            'got shape %s' % (name, v.shape))


@distribution.register_kl(Categorical, Categorical)
def _kl_categorical_categorical(dist1, dist2):
    return chainer.functions.sum(
        utils.xlogy_from_log(dist1.p, dist1.log_p)
        - utils.xlogy_from_log(dist1.p, dist2.log_p), axis=-1)
