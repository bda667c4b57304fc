"""Word embedding layer (``chainer.links.EmbedID``)."""
import chainer.functions
from chainer import initializers
from chainer import link
from chainer import variable


class EmbedID(link.Link):

    """Efficient linear layer for one-hot input (word embeddings).

    Maps integer ids to the rows of its weight matrix ``W`` with
    :func:`~chainer.functions.embed_id`.

    Args:
        in_size (int): Number of ids (vocabulary size).
        out_size (int): Dimension of the embedding vectors.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``;
            ``None`` means :class:`~chainer.initializers.Normal` with
            scale 1.
        ignore_label (int or None): An id that maps to a zero vector.

    Attributes:
        W (~chainer.Parameter): Embedding matrix ``(in_size, out_size)``.
        ignore_label (int or None): The ignored id.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> W = numpy.arange(6, dtype=numpy.float32).reshape(3, 2)
        >>> embed = L.EmbedID(3, 2, initialW=W, ignore_label=-1)
        >>> embed(numpy.array([2, -1, 0], numpy.int32)).array
        array([[4., 5.],
               [0., 0.],
               [0., 1.]], dtype=float32)

    """

    ignore_label = None

    def __init__(self, in_size, out_size, initialW=None, ignore_label=None):
        super(EmbedID, self).__init__()
        self.ignore_label = ignore_label
        if initialW is None:
            initialW = initializers.Normal(1.0)
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW), (in_size, out_size))

    def forward(self, x):
        """Extracts the word embedding of the given ids.

        Args:
            x (~chainer.Variable or ndarray): Integer ids of any shape.

        Returns:
            ~chainer.Variable: Embeddings of shape ``x.shape + (out_size,)``.
        """
        return chainer.functions.embed_id(
            x, self.W, ignore_label=self.ignore_label)
