"""Parametric ReLU (``chainer.links.PReLU``)."""
import chainer.functions
from chainer import link
from chainer import variable


class PReLU(link.Link):

    """Parametric ReLU function as a link.

    Computes :math:`\\max(x, 0) + W \\min(x, 0)` with a learnable slope
    ``W`` broadcast from the second axis
    (:func:`~chainer.functions.prelu`).

    Args:
        shape (tuple of ints): Shape of the slope ``W``; ``()`` shares one
            slope among all elements.
        init (float): Initial slope.

    Attributes:
        W (~chainer.Parameter): The slope.

    See: `Delving Deep into Rectifiers <https://arxiv.org/abs/1502.01852>`_

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> prelu = L.PReLU()
        >>> prelu(numpy.array([-2, 2], numpy.float32)).array
        array([-0.5,  2. ], dtype=float32)

    """

    def __init__(self, shape=(), init=0.25):
        super(PReLU, self).__init__()
        with self.init_scope():
            self.W = variable.Parameter(init, shape)

    def forward(self, x):
        """Applies the parametric ReLU.

        Args:
            x (~chainer.Variable or ndarray): Input.

        Returns:
            ~chainer.Variable: Output of the shape of ``x``.
        """
        return chainer.functions.prelu(x, self.W)
