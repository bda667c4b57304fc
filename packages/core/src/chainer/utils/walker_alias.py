"""Walker's alias method: O(1) sampling from a discrete distribution."""
import numpy


class WalkerAlias(object):

    """Sampler of integers ``0 .. len(probs) - 1`` with given weights.

    The table splits the ``n`` outcomes into ``n`` equal-width columns, each
    holding at most two outcomes, so one sample costs one uniform draw and a
    comparison. The table is built with Vose's stable variant.

    Args:
        probs (sequence of floats): Unnormalized, non-negative weights.

    Attributes:
        threshold (ndarray): ``float32`` of length ``n``; in column ``k`` the
            draw keeps ``values[2k]`` when its position within the column is
            below ``threshold[k]``, otherwise it takes ``values[2k + 1]``.
        values (ndarray): ``int32`` of length ``2n``, the outcome pairs.
        use_gpu (bool): Whether the table is on a GPU (see :meth:`to_gpu`).

    >>> import numpy
    >>> numpy.random.seed(0)
    >>> sampler = WalkerAlias([0., 1., 0.])
    >>> sampler.sample((4,)).tolist()
    [1, 1, 1, 1]
    """

    def __init__(self, probs):
        p = numpy.asarray(probs, dtype=numpy.float64).ravel()
        n = len(p)
        if n == 0:
            raise ValueError('probs must not be empty')
        if (p < 0).any() or not numpy.isfinite(p).all():
            raise ValueError('probs must be finite and non-negative')
        total = p.sum()
        if total <= 0:
            raise ValueError('probs must have a positive sum')
        # Scaled so that the average column holds exactly 1.
        scaled = p * (n / total)
        threshold = numpy.ones(n, dtype=numpy.float64)
        alias = numpy.arange(n)
        small = [i for i in range(n) if scaled[i] < 1]
        large = [i for i in range(n) if scaled[i] >= 1]
        while small and large:
            s = small.pop()
            g = large.pop()
            threshold[s] = scaled[s]
            alias[s] = g
            # g donates what column s lacks.
            scaled[g] -= 1.0 - scaled[s]
            (small if scaled[g] < 1 else large).append(g)
        # Leftovers are 1 up to rounding; they keep their own outcome.
        values = numpy.empty(2 * n, dtype=numpy.int32)
        values[0::2] = numpy.arange(n)
        values[1::2] = alias
        self.threshold = threshold.astype(numpy.float32)
        self.values = values
        self.use_gpu = False

    def to_gpu(self):
        """Moves the table to the current GPU."""
        if not self.use_gpu:
            from chainer.backends import cuda
            self.threshold = cuda.to_gpu(self.threshold)
            self.values = cuda.to_gpu(self.values)
            self.use_gpu = True

    def to_cpu(self):
        """Moves the table back to the CPU."""
        if self.use_gpu:
            from chainer.backends import cuda
            self.threshold = cuda.to_cpu(self.threshold)
            self.values = cuda.to_cpu(self.values)
            self.use_gpu = False

    def sample(self, shape):
        """Draws samples (``numpy.random`` or ``cupy.random`` state).

        Args:
            shape (tuple of ints): Shape of the result.

        Returns:
            ``int32`` array of the given shape on the table's device.
        """
        if self.use_gpu:
            from chainer.backends import cuda
            xp = cuda.cupy
        else:
            xp = numpy
        n = len(self.threshold)
        u = xp.random.uniform(0, 1, shape).astype(numpy.float64) * n
        column = xp.minimum(u.astype(numpy.int32), n - 1)
        right = (u - column >= self.threshold[column]).astype(numpy.int32)
        return self.values[column * 2 + right]
