"""Base class of probability distributions and the KL-divergence registry."""

import numpy

import chainer.functions
from chainer import backend


class Distribution(object):

    """Interface of a probability distribution (v5 API).

    A distribution holds parameters (:class:`~chainer.Variable`) and offers
    sampling, density-related functions and summary statistics, all built
    from :mod:`chainer.functions` so that gradients flow to the parameters.

    Shapes follow a sample-batch-event hierarchy: a value passed to
    :meth:`log_prob` has shape ``sample_shape + batch_shape + event_shape``
    and the result has shape ``sample_shape + batch_shape``. ``batch_shape``
    indexes independent, not identically distributed members; an event is
    one draw, whose ``event_shape`` components depend on each other (e.g.
    the ``d`` coordinates of a :class:`~chainer.distributions.\
MultivariateNormal`).

    .. admonition:: Example

        >>> import chainer.distributions as D
        >>> d = D.Normal(np.zeros((4, 3), np.float32),
        ...              np.ones((4, 3), np.float32))
        >>> d.batch_shape, d.event_shape
        ((4, 3), ())
        >>> d.sample((6, 5)).shape
        (6, 5, 4, 3)

    Subclasses implement :meth:`sample_n` rather than :meth:`sample`.
    """

    @property
    def batch_shape(self):
        """tuple: Shape of the batch of independent distributions."""
        raise NotImplementedError

    @property
    def event_shape(self):
        """tuple: Shape of a single event (draw)."""
        raise NotImplementedError

    @property
    def params(self):
        """dict: The parameters of the distribution, by name."""
        raise NotImplementedError

    @property
    def xp(self):
        """Array module (:mod:`numpy` or :mod:`cupy`) of the parameters."""
        return backend.get_array_module(*self.params.values())

    @property
    def covariance(self):
        """~chainer.Variable: Covariance matrix of an event."""
        raise NotImplementedError

    @property
    def entropy(self):
        """~chainer.Variable: Entropy, of shape ``batch_shape``."""
        raise NotImplementedError

    @property
    def mean(self):
        """~chainer.Variable: Mean of the distribution."""
        raise NotImplementedError

    @property
    def mode(self):
        """~chainer.Variable: Mode of the distribution."""
        raise NotImplementedError

    @property
    def stddev(self):
        """~chainer.Variable: Standard deviation of the distribution."""
        return chainer.functions.sqrt(self.variance)

    @property
    def support(self):
        """str: Description of the support of the distribution."""
        raise NotImplementedError

    @property
    def variance(self):
        """~chainer.Variable: Variance of the distribution."""
        raise NotImplementedError

    def cdf(self, x):
        """Evaluates the cumulative distribution function at ``x``.

        Args:
            x (~chainer.Variable or ndarray): Points in the domain.

        Returns:
            ~chainer.Variable: The CDF at ``x``.
        """
        raise NotImplementedError

    def icdf(self, x):
        """Evaluates the inverse of the CDF (quantile function) at ``x``.

        Args:
            x (~chainer.Variable or ndarray): Probabilities in ``[0, 1]``.

        Returns:
            ~chainer.Variable: The quantiles.
        """
        raise NotImplementedError

    def log_cdf(self, x):
        """Evaluates the logarithm of the CDF at ``x``."""
        return chainer.functions.log(self.cdf(x))

    def log_prob(self, x):
        """Evaluates the log density (or log mass) at ``x``.

        Args:
            x (~chainer.Variable or ndarray): Points whose shape ends with
                ``batch_shape + event_shape``.

        Returns:
            ~chainer.Variable: Log probability, one value per event.
        """
        raise NotImplementedError

    def log_survival_function(self, x):
        """Evaluates the logarithm of the survival function at ``x``."""
        return chainer.functions.log(self.survival_function(x))

    def perplexity(self, x):
        """Evaluates the perplexity ``exp(-log_prob(x))`` at ``x``."""
        return chainer.functions.exp(-self.log_prob(x))

    def prob(self, x):
        """Evaluates the density (or mass) at ``x``."""
        return chainer.functions.exp(self.log_prob(x))

    def survival_function(self, x):
        """Evaluates the survival function ``1 - cdf(x)`` at ``x``."""
        return 1. - self.cdf(x)

    def sample(self, sample_shape=()):
        """Draws random points from the distribution.

        Calls :meth:`sample_n` and reshapes its result.

        Args:
            sample_shape (int or tuple of ints): Leading shape of the result.

        Returns:
            ~chainer.Variable: Samples of shape
            ``sample_shape + batch_shape + event_shape``.
        """
        if isinstance(sample_shape, (int, numpy.integer)):
            sample_shape = (int(sample_shape),)
        sample_shape = tuple(sample_shape)
        n = 1
        for s in sample_shape:
            n *= s
        samples = self.sample_n(n)
        return samples.reshape(
            sample_shape + self.batch_shape + self.event_shape)

    def sample_n(self, n):
        """Draws ``n`` random points.

        Args:
            n (int): Number of samples.

        Returns:
            ~chainer.Variable: Samples of shape
            ``(n,) + batch_shape + event_shape``.
        """
        raise NotImplementedError

    def __repr__(self):
        try:
            shapes = 'batch_shape=%s, event_shape=%s' % (
                self.batch_shape, self.event_shape)
        except NotImplementedError:
            shapes = ''
        return '%s(%s)' % (type(self).__name__, shapes)


class _KLNotRegistered(NotImplementedError, KeyError):

    # v5 looked the pair up in a dict and raised KeyError; NotImplementedError
    # is the clearer type. Deriving from both keeps old except clauses working.
    def __str__(self):
        return self.args[0]


_KLDIVERGENCE = {}


def register_kl(Dist1, Dist2):
    """Decorator registering a KL-divergence function for two types.

    The decorated function takes an instance of ``Dist1`` and one of
    ``Dist2`` and returns :math:`D_{KL}(p||q)`; :func:`kl_divergence` calls
    it for arguments of exactly these types.

    Args:
        Dist1 (type): Type of the first (left) distribution.
        Dist2 (type): Type of the second (right) distribution.

    .. admonition:: Example

        >>> class Point(chainer.Distribution):
        ...     pass
        >>> @chainer.register_kl(Point, Point)
        ... def _kl_point_point(p, q):
        ...     return chainer.Variable(np.zeros((), np.float32))
        >>> chainer.kl_divergence(Point(), Point()).array
        array(0., dtype=float32)
    """
    def register(kl):
        _KLDIVERGENCE[Dist1, Dist2] = kl
        return kl
    return register


def kl_divergence(dist1, dist2):
    """Computes the Kullback-Leibler divergence :math:`D_{KL}(p||q)`.

    .. math::
        D_{KL}(p||q) = \\int p(x) \\log \\frac{p(x)}{q(x)} dx

    (a sum for discrete distributions).

    Args:
        dist1 (~chainer.Distribution): The distribution :math:`p`.
        dist2 (~chainer.Distribution): The distribution :math:`q`.

    Returns:
        ~chainer.Variable: The divergence, of shape ``batch_shape``.

    Raises:
        NotImplementedError: No function is registered for the pair of
            types (see :func:`register_kl`).
    """
    key = type(dist1), type(dist2)
    kl = _KLDIVERGENCE.get(key)
    if kl is None:
        raise _KLNotRegistered(
            'KL divergence between %s and %s is not registered; '
            'use chainer.register_kl to add it.'
            % (key[0].__name__, key[1].__name__))
    return kl(dist1, dist2)


def cross_entropy(dist1, dist2):
    """Computes the cross entropy :math:`H(p, q)`.

    .. math::
        H(p, q) = -\\int p(x) \\log q(x) dx = H(p) + D_{KL}(p||q)

    It needs the entropy of ``dist1`` and a KL divergence registered for the
    pair.

    Args:
        dist1 (~chainer.Distribution): The distribution :math:`p`.
        dist2 (~chainer.Distribution): The distribution :math:`q`.

    Returns:
        ~chainer.Variable: The cross entropy, of shape ``batch_shape``.
    """
    # v5 called ``dist1.entropy()`` although entropy is a property, which
    # failed on every distribution; the property is what was meant.
    return dist1.entropy + kl_divergence(dist1, dist2)
