"""Orthogonal initializer (Saxe et al., https://arxiv.org/abs/1312.6120)."""
import numpy

from chainer import backend
from chainer import initializer
from chainer import utils


class Orthogonal(initializer.Initializer):

    """Initializes array with an orthogonal system.

    A matrix of the array's shape is drawn from the standard Gaussian
    distribution (numpy's global RNG, whatever the array's backend) and
    decomposed by a thin SVD, ``a = U S V^T``. The array takes the factor
    whose shape is the matrix's own: ``U`` when the matrix is square,
    ``V^T`` when it has fewer rows than columns. It is then multiplied by
    ``scale`` in the array's dtype. An array with more than two axes is
    treated as a matrix whose rows are flattened over all axes but the
    first. The number of vectors (``shape[0]``) must not exceed their
    dimension (the product of the other axes). A 0-dim array is set to
    ``scale``.

    Args:
        scale (float): A constant to be multiplied by.
        dtype: Data type specifier.

    """

    def __init__(self, scale=1.1, dtype=None):
        self.scale = scale
        super(Orthogonal, self).__init__(dtype)

    def __call__(self, array):
        self._check_dtype(array)
        xp = backend.get_array_module(array)
        if not array.shape:
            # v5 draws nothing here, so the RNG stream is left as it is.
            array[...] = self.scale
            return
        if not array.size:
            raise ValueError('Array to be initialized must be non-empty.')
        flat_shape = (array.shape[0], utils.size_of_shape(array.shape[1:]))
        if flat_shape[0] > flat_shape[1]:
            raise ValueError('Cannot make orthogonal system because # of '
                             'vectors ({}) is larger than that of dimensions '
                             '({})'.format(*flat_shape))
        # The SVD runs on the CPU with numpy's RNG on every backend, so a
        # seeded numpy RNG gives v5's weights on CPU and GPU alike.
        a = numpy.random.normal(size=flat_shape)
        u, _, vh = numpy.linalg.svd(a, full_matrices=False)
        # v5 tests U first, so a square matrix gets U (not V^T).
        q = u if u.shape == flat_shape else vh
        array[...] = xp.asarray(q.reshape(array.shape))
        # Scaling after the cast (not before) rounds as v5 does.
        array *= self.scale
