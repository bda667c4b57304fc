"""Bilinear layer (``chainer.links.Bilinear``)."""
import numpy

from chainer.backends import cuda
import chainer.functions
from chainer import initializers
from chainer import link
from chainer import variable


def _check_shape(name, value, shape):
    if isinstance(value, (numpy.ndarray, cuda.ndarray)) and \
            value.shape != shape:
        raise ValueError('%s must have shape %s, got %s'
                         % (name, shape, value.shape))


class Bilinear(link.Link):

    """Bilinear layer that performs tensor multiplication.

    Holds the parameters ``W``, ``V1``, ``V2`` and ``b`` of
    :func:`~chainer.functions.bilinear`:
    :math:`y_l = \\sum_{jk} e^1_j e^2_k W_{jkl} + \\sum_j e^1_j V^1_{jl}
    + \\sum_k e^2_k V^2_{kl} + b_l`.

    Args:
        left_size (int): Dimension :math:`J` of the input :math:`e^1`.
        right_size (int): Dimension :math:`K` of the input :math:`e^2`.
        out_size (int): Dimension :math:`L` of the output.
        nobias (bool): If ``True``, ``V1``, ``V2`` and ``b`` are omitted.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``
            (default :class:`~chainer.initializers.LeCunNormal`); an array
            must have shape ``(left_size, right_size, out_size)``.
        initial_bias (tuple): Initializers of ``(V1, V2, b)``, arrays of
            shapes ``(left_size, out_size)``, ``(right_size, out_size)``
            and ``(out_size,)``. ``None`` means the default initializer
            for ``V1`` and ``V2`` and zero for ``b``.

    Attributes:
        W (~chainer.Parameter): Bilinear weight.
        V1 (~chainer.Parameter): Linear weight of the first input.
        V2 (~chainer.Parameter): Linear weight of the second input.
        b (~chainer.Parameter): Bias.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> layer = L.Bilinear(2, 3, 4)
        >>> e1 = numpy.ones((5, 2), numpy.float32)
        >>> e2 = numpy.ones((5, 3), numpy.float32)
        >>> layer(e1, e2).shape
        (5, 4)

    """

    def __init__(self, left_size, right_size, out_size, nobias=False,
                 initialW=None, initial_bias=None):
        super(Bilinear, self).__init__()
        self.in_sizes = (left_size, right_size)
        self.nobias = nobias

        shape = (left_size, right_size, out_size)
        _check_shape('initialW', initialW, shape)
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW), shape)
            if nobias:
                return
            if initial_bias is None:
                initial_bias = (None, None, 0)
            elif not isinstance(initial_bias, tuple) or \
                    len(initial_bias) != 3:
                raise ValueError(
                    'initial_bias must be a tuple of three initializers '
                    '(V1, V2, b) or None')
            initV1, initV2, initb = initial_bias
            V1_shape = (left_size, out_size)
            V2_shape = (right_size, out_size)
            _check_shape('initial_bias[0]', initV1, V1_shape)
            _check_shape('initial_bias[1]', initV2, V2_shape)
            _check_shape('initial_bias[2]', initb, (out_size,))
            self.V1 = variable.Parameter(
                initializers._get_initializer(initV1), V1_shape)
            self.V2 = variable.Parameter(
                initializers._get_initializer(initV2), V2_shape)
            self.b = variable.Parameter(
                initializers._get_initializer(initb), out_size)

    def forward(self, e1, e2):
        """Applies the bilinear function to the inputs.

        Args:
            e1 (~chainer.Variable or ndarray): Left input ``(B, J)``.
            e2 (~chainer.Variable or ndarray): Right input ``(B, K)``.

        Returns:
            ~chainer.Variable: Output ``(B, L)``.
        """
        if self.nobias:
            return chainer.functions.bilinear(e1, e2, self.W)
        return chainer.functions.bilinear(
            e1, e2, self.W, self.V1, self.V2, self.b)

    def zero_grads(self):
        """Initializes the gradients (deprecated; use
        :meth:`~chainer.Link.cleargrads`)."""
        self.zerograds()
