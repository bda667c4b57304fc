import numpy

import chainer
import chainer.functions
from chainer import backend
from chainer import distribution
from chainer import function_node
from chainer import utils as chainer_utils
from chainer.distributions import utils


class _BernoulliLogProb(function_node.FunctionNode):

    """``x * logit - softplus(logit)``, exact also for infinite logits."""

    def __init__(self, binary_check):
        self.binary_check = binary_check

    def forward(self, inputs):
        logit, x = inputs
        self.retain_inputs((0, 1))
        xp = backend.get_array_module(logit, x)
        with numpy.errstate(invalid='ignore', divide='ignore',
                            over='ignore'):
            # softplus(l) = max(l, 0) + log1p(exp(-|l|)) never overflows.
            y = x * logit - (xp.maximum(logit, 0)
                             + xp.log1p(xp.exp(-xp.abs(logit))))
            # p == 1 or p == 0: the formula gives inf - inf; the limits
            # are log(x) and log(1 - x).
            inf = xp.isinf(logit)
            y = xp.where(inf & (logit > 0), xp.log(x), y)
            y = xp.where(inf & (logit < 0), xp.log1p(-x), y)
        if self.binary_check:
            y = xp.where((x != 0) & (x != 1), -numpy.inf, y)
        return chainer_utils.force_array(y, logit.dtype),

    def backward(self, indexes, grad_outputs):
        logit, x = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(gy * (x - chainer.functions.sigmoid(logit)))
        if 1 in indexes:
            ret.append(gy * logit)
        return ret


class Bernoulli(distribution.Distribution):

    """Bernoulli distribution.

    .. math::
        P(x = 1; p) = p, \\quad P(x = 0; p) = 1 - p

    Args:
        p (~chainer.Variable or ndarray): Probability of 1.
        logit (~chainer.Variable or ndarray): :math:`\\log(p / (1 - p))`.
            Either ``p`` or ``logit`` (not both) must be given.
        binary_check (bool): If ``True``, :meth:`log_prob` is ``-inf`` at
            points other than 0 and 1; otherwise the formula
            ``x log p + (1 - x) log(1 - p)`` is evaluated as is.

    Samples are not reparameterised.
    """

    def __init__(self, p=None, logit=None, binary_check=False):
        if (p is None) == (logit is None):
            raise ValueError(
                'Either `p` or `logit` (not both) must have a value.')
        F = chainer.functions
        with chainer.using_config('enable_backprop', True):
            if p is None:
                self.logit, = utils.as_params(('logit',), (logit,))
                self.p = F.sigmoid(self.logit)
                self._log_p = -F.softplus(-self.logit)
                self._log_q = -F.softplus(self.logit)
            else:
                self.p, = utils.as_params(('p',), (p,))
                # p of exactly 0 or 1 is valid: its logs are -inf.
                with numpy.errstate(divide='ignore'):
                    self._log_p = F.log(self.p)
                    self._log_q = F.log1p(-self.p)
                self.logit = self._log_p - self._log_q
        self.binary_check = binary_check

    @property
    def batch_shape(self):
        return self.p.shape

    @property
    def event_shape(self):
        return ()

    @property
    def params(self):
        return {'logit': self.logit}

    @property
    def entropy(self):
        q = 1. - self.p
        return -(utils.xlogy_from_log(self.p, self._log_p)
                 + utils.xlogy_from_log(q, self._log_q))

    @property
    def mean(self):
        return self.p

    @property
    def mode(self):
        return chainer.Variable(chainer_utils.force_array(
            self.p.array > 0.5, self.p.dtype))

    @property
    def support(self):
        return '{0, 1}'

    @property
    def variance(self):
        return self.p * (1. - self.p)

    def log_prob(self, x):
        x = utils.as_input(x, self.p.dtype)
        x, logit = utils.broadcast_pair(x, self.logit)
        y, = _BernoulliLogProb(self.binary_check).apply((logit, x))
        return y

    def cdf(self, x):
        # P(X <= x): 0 below 0, 1 - p on [0, 1), 1 from 1 on.
        x = utils.as_input(x, self.p.dtype)
        x, p = utils.broadcast_pair(x, self.p)
        xa = x.array
        c = utils.where_const(xa >= 0, 1. - p, 0.)
        return utils.where_const(xa < 1, c, 1.)

    def sample_n(self, n):
        # As v5: the RNG's binomial sampler with one trial; its integer
        # result is returned as is.
        eps = self.xp.random.binomial(
            1, self.p.array, size=(n,) + self.batch_shape)
        return chainer.Variable(eps)


@distribution.register_kl(Bernoulli, Bernoulli)
def _kl_bernoulli_bernoulli(dist1, dist2):
    p, q = dist1.p, 1. - dist1.p
    return (utils.xlogy_from_log(p, dist1._log_p)
            - utils.xlogy_from_log(p, dist2._log_p)
            + utils.xlogy_from_log(q, dist1._log_q)
            - utils.xlogy_from_log(q, dist2._log_q))
