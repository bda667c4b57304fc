"""Walker's alias method: O(1) sampling from a discrete distribution."""
import numpy


class WalkerAlias(object):

    """Sampler of integers ``0 .. len(probs) - 1`` with given weights.

    The table splits the ``n`` outcomes into ``n`` equal-width columns, each
    holding at most two outcomes, so one sample costs one uniform draw and a
    comparison. The table is built as v5 builds it, so that a seeded RNG
    gives v5's samples: the outcomes are visited from the least to the most
    probable, each first topping up the columns still waiting for a second
    outcome and then opening a column of its own with what is left.

    Args:
        probs (sequence of floats): Unnormalized, non-negative weights.

    Attributes:
        threshold (ndarray): ``float32`` of length ``n``; in column ``k`` the
            draw takes ``values[2k + 1]`` when its position within the column
            is above ``threshold[k]``, otherwise ``values[2k]``.
        values (ndarray): ``int32`` of length ``2n``, the outcome pairs.
        use_gpu (bool): Whether the table is on a GPU (see :meth:`to_gpu`).

    >>> import numpy
    >>> numpy.random.seed(0)
    >>> sampler = WalkerAlias([0., 1., 0.])
    >>> sampler.sample((4,)).tolist()
    [1, 1, 1, 1]
    """

    def __init__(self, probs):
        check = numpy.asarray(probs, dtype=numpy.float64).ravel()
        if len(check) == 0:
            raise ValueError('probs must not be empty')
        if (check < 0).any() or not numpy.isfinite(check).all():
            raise ValueError('probs must be finite and non-negative')
        if check.sum() <= 0:
            raise ValueError('probs must have a positive sum')
        # v5 normalizes in float32.
        prob = numpy.asarray(probs, dtype=numpy.float32).ravel().copy()
        prob /= numpy.sum(prob)
        n = len(prob)
        threshold = numpy.empty(n, dtype=numpy.float32)
        # Columns nobody tops up keep outcome 0 as their second one, as in
        # v5 (their threshold is 1 up to rounding).
        values = numpy.zeros(2 * n, dtype=numpy.int32)
        opened = 0  # columns given their first outcome
        topped = 0  # columns, in opening order, given their second one
        # Ascending probability, ties by index (v5 sorts (p, index) pairs).
        for i in numpy.argsort(prob, kind='stable'):
            # The mass is kept in float64, as numpy 1.x (which v5 ran on)
            # computed ``float32 scalar * int``; only the stored thresholds
            # are float32.
            mass = float(prob[i]) * n
            while mass > 1 and topped < opened:
                values[2 * topped + 1] = i
                mass -= 1.0 - float(threshold[topped])
                topped += 1
            threshold[opened] = mass
            values[2 * opened] = i
            opened += 1
        self.threshold = threshold
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
            return self.sample_gpu(shape)
        return self.sample_cpu(shape)

    def sample_cpu(self, shape):
        """Draws samples with numpy's global RNG (one float64 uniform each,
        as v5)."""
        n = len(self.threshold)
        pos = numpy.random.uniform(0, 1, shape) * n
        column = pos.astype(numpy.int32)
        # Compared in float64: above the threshold takes the second outcome.
        second = (self.threshold[column] < pos - column).astype(numpy.int32)
        return self.values[column * 2 + second]

    def sample_gpu(self, shape):
        """Draws samples with cupy's RNG (one float32 uniform each, as v5).
        """
        from chainer.backends import cuda
        cupy = cuda.cupy
        n = len(self.threshold)
        pos = cupy.random.uniform(size=shape, dtype=numpy.float32)
        pos *= numpy.float32(n)
        column = cupy.floor(pos).astype(numpy.int32)
        # cuRAND may return 1.0; v5 sends that draw to column 0.
        column[column >= n] = 0
        frac = pos - column.astype(numpy.float32)
        second = (self.threshold[column] < frac).astype(numpy.int32)
        return self.values[column * 2 + second]
