"""Learnable scaling (``chainer.links.Scale``)."""
import chainer.functions
from chainer import link
from chainer.links.connection import _util
from chainer.links.connection import bias
from chainer import variable


class Scale(link.Chain):

    """Broadcasted elementwise product with a learnable parameter.

    Computes :func:`~chainer.functions.scale` of its input and its weight
    ``W`` (initialized to one), or of its two inputs when ``W_shape`` is
    ``None``; optionally followed by a learnable :class:`Bias`.

    Args:
        axis (int): The first axis of the input along which the scale is
            applied.
        W_shape (tuple of ints): Shape of ``W``; ``None`` means the scale
            is given as the second input.
        bias_term (bool): Whether to add a learnable bias after scaling.
        bias_shape (tuple of ints): Shape of the bias; needed when
            ``bias_term`` is ``True`` and ``W_shape`` is ``None``
            (otherwise the bias has the shape of ``W``).

    Attributes:
        W (~chainer.Parameter): The scale, if ``W_shape`` is given.
        bias (~chainer.links.Bias): The bias link, if ``bias_term``.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> scale = L.Scale(axis=1, W_shape=(2,), bias_term=True)
        >>> scale.W.array[...] = [2, 3]
        >>> scale(numpy.ones((1, 2), numpy.float32)).array
        array([[2., 3.]], dtype=float32)

    """

    def __init__(self, axis=1, W_shape=None, bias_term=False,
                 bias_shape=None):
        super(Scale, self).__init__()
        self.axis = axis
        with self.init_scope():
            if W_shape is not None:
                self.W = variable.Parameter(1, W_shape)
                if bias_term:
                    self.bias = bias.Bias(axis, W_shape)
            elif bias_term:
                if bias_shape is None:
                    raise ValueError(
                        'bias_shape should be given if W is not learnt '
                        'parameter and bias_term is True.')
                self.bias = bias.Bias(axis, bias_shape)

    def forward(self, *xs):
        """Applies the broadcasted elementwise product.

        Args:
            xs (list of ~chainer.Variable or ndarray): The input; plus the
                scale when the link has no ``W``.

        Returns:
            ~chainer.Variable: Output of the shape of the first input.
        """
        x, y = _util.operands('Scale', xs, getattr(self, 'W', None))
        z = chainer.functions.scale(x, y, self.axis)
        if hasattr(self, 'bias'):
            return self.bias(z)
        return z
