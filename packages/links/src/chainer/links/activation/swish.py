"""Swish activation (``chainer.links.Swish``)."""
import chainer.functions
from chainer import link
from chainer import variable


class Swish(link.Link):

    """Swish activation function as a link.

    Computes :math:`x \\sigma(\\beta x)` with a learnable :math:`\\beta`
    (:func:`~chainer.functions.swish`).

    Args:
        beta_shape (tuple of ints or None): Shape of ``beta``; ``None``
            gives it the shape of one sample of the first input
            (``x.shape[1:]``, as v5 does).
        beta_init (float): Initial value of ``beta``.

    Attributes:
        beta (~chainer.Parameter): The parameter :math:`\\beta`.

    See: `Searching for Activation Functions
    <https://arxiv.org/abs/1710.05941>`_

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> swish = L.Swish(None)
        >>> swish(numpy.zeros((2, 3, 4), numpy.float32)).shape
        (2, 3, 4)
        >>> swish.beta.shape
        (3, 4)

    """

    def __init__(self, beta_shape, beta_init=1.0):
        super(Swish, self).__init__()
        with self.init_scope():
            if beta_shape is not None:
                self.beta = variable.Parameter(beta_init, beta_shape)
            else:
                self.beta = variable.Parameter(beta_init)

    def forward(self, x):
        """Applies the Swish activation.

        Args:
            x (~chainer.Variable or ndarray): Input ``(batch, ...)``.

        Returns:
            ~chainer.Variable: Output of the shape of ``x``.
        """
        if self.beta.array is None:
            # v5 takes every axis after the batch one, not just axis 1.
            self.beta.initialize(x.shape[1:])
        return chainer.functions.swish(x, self.beta)
