"""Fully-connected layer (``chainer.links.Linear``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import _util


class Linear(link.Link):

    """Linear layer (a.k.a. fully-connected layer).

    Holds a weight matrix ``W`` and an optional bias vector ``b`` and
    computes :math:`Y = X W^\\top + b` with
    :func:`~chainer.functions.linear`.

    Args:
        in_size (int or None): Dimension of the input vectors. If ``None``
            (or omitted, ``Linear(out_size)``), ``W`` is created on the
            first forward pass from the size of the input.
        out_size (int): Dimension of the output vectors.
        nobias (bool): If ``True``, the layer has no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of the
            weight; ``None`` means
            :class:`~chainer.initializers.LeCunNormal`. An array must have
            shape ``(out_size, in_size)``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            the bias; ``None`` means zero. An array must have shape
            ``(out_size,)``.

    Attributes:
        W (~chainer.Parameter): Weight of shape ``(out_size, in_size)``.
        b (~chainer.Parameter): Bias of shape ``(out_size,)``, or ``None``
            when ``nobias`` is ``True``.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> layer = L.Linear(2, 3, initialW=1, initial_bias=0.5)
        >>> layer(numpy.array([[1, 2]], numpy.float32)).array
        array([[3.5, 3.5, 3.5]], dtype=float32)
        >>> lazy = L.Linear(4)
        >>> lazy.W.array is None
        True
        >>> lazy(numpy.zeros((2, 3, 2), numpy.float32)).shape
        (2, 4)
        >>> lazy.W.shape
        (4, 6)

    """

    def __init__(self, in_size, out_size=None, nobias=False,
                 initialW=None, initial_bias=None):
        super(Linear, self).__init__()
        if out_size is None:
            # v5: Linear(out_size) defers the input size.
            in_size, out_size = None, in_size
        self.out_size = out_size

        _util.add_weight_and_bias(self, in_size, nobias, initialW,
                                  initial_bias, out_size)

    def _initialize_params(self, in_size):
        self.W.initialize((self.out_size, in_size))

    def forward(self, x, n_batch_axes=1):
        """Applies the linear layer.

        Args:
            x (~chainer.Variable or ndarray): Batch of input vectors; the
                axes after the first ``n_batch_axes`` are flattened.
            n_batch_axes (int): Number of leading batch axes.

        Returns:
            ~chainer.Variable: Output of shape
            ``x.shape[:n_batch_axes] + (out_size,)``.
        """
        if self.W.array is None:
            in_size = 1
            for d in x.shape[n_batch_axes:]:
                in_size *= d
            self._initialize_params(in_size)
        return chainer.functions.linear(
            x, self.W, self.b, n_batch_axes=n_batch_axes)
