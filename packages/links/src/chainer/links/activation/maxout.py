"""Fully-connected maxout layer (``chainer.links.Maxout``)."""
import numpy

from chainer.backends import cuda
import chainer.functions
from chainer import link
from chainer.links.connection import linear


def _flatten_array(value, shape):
    # Arrays come in the maxout layout and are flattened for Linear. v5
    # reshapes whatever array it gets (its documented ndim is not
    # checked), so only a wrong size raises (numpy's ValueError).
    if isinstance(value, (numpy.ndarray, cuda.ndarray)):
        return value.reshape(shape)
    return value


class Maxout(link.Chain):

    """Fully-connected maxout layer.

    For ``out_size`` outputs it computes ``pool_size`` affine maps of the
    input for each output and keeps the largest:
    :math:`y_i = \\max_j (W_{ij} \\cdot x + b_{ij})`
    (:func:`~chainer.functions.maxout` over a :class:`Linear` layer with
    ``out_size * pool_size`` outputs, unit ``i * pool_size + j``).

    Args:
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the output vectors.
        pool_size (int): Number of affine maps per output.
        initialW (:ref:`initializer <initializer>`): Initializer of the
            weight; an array is read as ``(out_size, pool_size, in_size)``
            (any shape of that size).
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            the bias; ``None`` omits the bias. An array is read as
            ``(out_size, pool_size)`` (any shape of that size).

    Attributes:
        linear (~chainer.links.Linear): The affine layer.

    See: `Maxout Networks <https://arxiv.org/abs/1302.4389>`_

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> W = numpy.array([[[1], [-1]]], numpy.float32)
        >>> layer = L.Maxout(1, 1, 2, initialW=W)
        >>> layer(numpy.array([[-3], [2]], numpy.float32)).array
        array([[3.],
               [2.]], dtype=float32)

    """

    def __init__(self, in_size, out_size, pool_size, initialW=None,
                 initial_bias=0):
        super(Maxout, self).__init__()
        linear_out_size = out_size * pool_size
        initialW = _flatten_array(initialW, (linear_out_size, in_size))
        initial_bias = _flatten_array(initial_bias, (linear_out_size,))
        with self.init_scope():
            self.linear = linear.Linear(
                in_size, linear_out_size, nobias=initial_bias is None,
                initialW=initialW, initial_bias=initial_bias)
        self.out_size = out_size
        self.pool_size = pool_size

    def forward(self, x):
        """Applies the maxout layer.

        Args:
            x (~chainer.Variable or ndarray): Input ``(B, in_size)``.

        Returns:
            ~chainer.Variable: Output ``(B, out_size)``.
        """
        return chainer.functions.maxout(self.linear(x), self.pool_size)
