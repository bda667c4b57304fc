"""Negative sampling loss layer (``chainer.links.NegativeSampling``)."""
import numpy

import chainer
import chainer.functions
from chainer import link
from chainer.links.loss import _sampler
from chainer.utils import argument
from chainer.utils import walker_alias
from chainer import variable


class NegativeSampling(_sampler.SamplerMixin, link.Link):

    """Negative sampling loss layer.

    Holds the output word embeddings ``W`` (initialized to zero) and a
    sampler drawing negative words with probability proportional to
    ``counts ** power`` (:class:`~chainer.utils.WalkerAlias`), and computes
    :func:`~chainer.functions.negative_sampling`.

    Args:
        in_size (int): Dimension of the input vectors.
        counts (sequence of ints): Frequency of each word.
        sample_size (int): Number of negative samples per input.
        power (float): Exponent applied to the frequencies.
        dtype: Data type of ``W`` (default ``chainer.config.dtype``).

    Attributes:
        W (~chainer.Parameter): Output embeddings
            ``(len(counts), in_size)``.
        sampler (~chainer.utils.WalkerAlias): The negative word sampler.
        sample_size (int): Number of negative samples.

    See: `Distributed Representations of Words and Phrases and their
    Compositionality <https://arxiv.org/abs/1310.4546>`_

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> ns = L.NegativeSampling(3, [1, 2, 3], 2)
        >>> x = numpy.ones((2, 3), numpy.float32)
        >>> t = numpy.array([0, 2], numpy.int32)
        >>> round(float(ns(x, t).array), 4)  # 2 rows * 3 words * log(2)
        4.1589

    """

    def __init__(self, in_size, counts, sample_size, power=0.75,
                 dtype=None):
        super(NegativeSampling, self).__init__()
        dtype = chainer.get_dtype(dtype)
        vocab_size = len(counts)
        self.sample_size = sample_size
        # v5 (5.x) raises the counts to the power in the link's dtype,
        # which decides the alias table and so the samples.
        power = dtype.type(power)
        p = numpy.array(counts, dtype)
        numpy.power(p, power, p)
        self.sampler = walker_alias.WalkerAlias(p)

        with self.init_scope():
            self.W = variable.Parameter(
                numpy.zeros((vocab_size, in_size), dtype=dtype))

    def forward(self, x, t, reduce='sum', **kwargs):
        """forward(x, t, reduce='sum', *, return_samples=False)

        Computes the loss of the target words ``t``.

        Args:
            x (~chainer.Variable or ndarray): Input vectors
                ``(batch, in_size)``.
            t (~chainer.Variable or ndarray): Target word ids ``(batch,)``
                (``-1`` is ignored).
            reduce (str): ``'sum'`` or ``'no'``.
            return_samples (bool): Also return the sampled word ids.

        Returns:
            ~chainer.Variable or tuple: The loss, or ``(loss, samples)``.
        """
        return_samples, = argument.parse_kwargs(
            kwargs, ('return_samples', False))
        return chainer.functions.negative_sampling(
            x, t, self.W, self.sampler.sample, self.sample_size,
            reduce=reduce, return_samples=return_samples)
