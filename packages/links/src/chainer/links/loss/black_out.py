"""BlackOut loss layer (``chainer.links.BlackOut``)."""
import numpy

import chainer
import chainer.functions
from chainer import link
from chainer.links.loss import _sampler
from chainer.utils import walker_alias
from chainer import variable


class BlackOut(_sampler.SamplerMixin, link.Link):

    """BlackOut loss layer.

    Holds the output embeddings ``W`` and a sampler drawing
    ``sample_size`` negative words per input with probability
    proportional to ``counts``, and computes
    :func:`~chainer.functions.black_out`.

    Args:
        in_size (int): Dimension of the input vectors.
        counts (sequence of ints): Frequency of each word.
        sample_size (int): Number of negative samples per input.

    Attributes:
        W (~chainer.Parameter): Output embeddings
            ``(len(counts), in_size)``. As in v5 it starts filled with NaN:
            set it (or load a snapshot) before use.
        sampler (~chainer.utils.WalkerAlias): The negative word sampler.
        sample_size (int): Number of negative samples.
        sample_data (ndarray): If not ``None``, used as the samples
            instead of drawing them (for tests).

    See: `BlackOut: Speeding up Recurrent Neural Network Language Models
    With Very Large Vocabularies <https://arxiv.org/abs/1511.06909>`_
    """

    sample_data = None

    def __init__(self, in_size, counts, sample_size):
        super(BlackOut, self).__init__()
        vocab_size = len(counts)
        p = numpy.array(counts, dtype=numpy.float32)
        self.sampler = walker_alias.WalkerAlias(p)
        self.sample_size = sample_size

        with self.init_scope():
            # v5 leaves W NaN-filled for the user to set. Drawing random
            # weights here instead would also shift numpy's random stream,
            # so seeded v5 scripts would build different models.
            self.W = variable.Parameter(None, (vocab_size, in_size))

    def forward(self, x, t):
        """Computes the BlackOut loss of the target words ``t``.

        Args:
            x (~chainer.Variable or ndarray): Input vectors
                ``(batch, in_size)``.
            t (~chainer.Variable or ndarray): Target word ids ``(batch,)``.

        Returns:
            ~chainer.Variable: The mean loss.
        """
        if self.sample_data is not None:
            sample_data = self.sample_data
        else:
            sample_data = self.sampler.sample(
                (x.shape[0], self.sample_size))
        return chainer.functions.black_out(
            x, t, self.W, variable.Variable(sample_data))
