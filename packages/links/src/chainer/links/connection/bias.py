"""Learnable bias (``chainer.links.Bias``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import _util
from chainer import variable


class Bias(link.Link):

    """Broadcasted elementwise summation with a learnable parameter.

    Computes :func:`~chainer.functions.bias` of its input and its bias
    ``b``, or of its two inputs when it has no parameter.

    Args:
        axis (int): The first axis of the input along which the bias is
            applied.
        shape (tuple of ints): Shape of the learnable bias (initialized to
            zero). If ``None``, the link has no parameter and the bias is
            given as the second input.

    Attributes:
        b (~chainer.Parameter): The bias, if ``shape`` is given.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> bias = L.Bias(axis=1, shape=(2,))
        >>> bias.b.array[...] = [1, 2]
        >>> bias(numpy.zeros((1, 2, 2), numpy.float32)).array
        array([[[1., 1.],
                [2., 2.]]], dtype=float32)

    """

    def __init__(self, axis=1, shape=None):
        super(Bias, self).__init__()
        if shape is not None:
            with self.init_scope():
                self.b = variable.Parameter(0, shape)
        self.axis = axis

    def forward(self, *xs):
        """Applies the broadcasted elementwise summation.

        Args:
            xs (list of ~chainer.Variable or ndarray): The input; plus the
                bias when the link has no parameter.

        Returns:
            ~chainer.Variable: Output of the shape of the first input.
        """
        x, b = _util.operands('Bias', xs, getattr(self, 'b', None))
        return chainer.functions.bias(x, b, self.axis)
