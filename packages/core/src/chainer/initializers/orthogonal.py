"""Orthogonal initializer (Saxe et al., https://arxiv.org/abs/1312.6120)."""
import numpy

from chainer import backend
from chainer import initializer
from chainer import utils


class Orthogonal(initializer.Initializer):

    """Initializes array with an orthogonal system.

    A matrix of the array's shape is drawn from the standard Gaussian
    distribution and decomposed by SVD; the array is filled with the
    orthogonal factor of matching shape times ``scale``. An array with more
    than two axes is treated as a matrix whose rows are flattened over all
    axes but the first. The number of vectors (``shape[0]``) must not exceed
    their dimension (the product of the other axes).

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
            # A scalar is orthonormal iff it is +1 or -1.
            array[...] = self.scale * (2 * numpy.random.randint(2) - 1)
            return
        if not array.size:
            raise ValueError('Array to be initialized must be non-empty.')
        flat_shape = (array.shape[0], utils.size_of_shape(array.shape[1:]))
        if flat_shape[0] > flat_shape[1]:
            raise ValueError('Cannot make orthogonal system because # of '
                             'vectors ({}) is larger than that of dimensions '
                             '({})'.format(*flat_shape))
        # The SVD runs on the CPU with numpy's RNG on every backend, so a
        # seeded numpy RNG gives the same weights on CPU and GPU.
        a = numpy.random.normal(size=flat_shape)
        u, _, vh = numpy.linalg.svd(a, full_matrices=False)
        # With rows <= cols, ``vh`` has orthonormal rows of the flat shape.
        q = vh if vh.shape == flat_shape else u
        array[...] = xp.asarray(q.reshape(array.shape) * self.scale)
