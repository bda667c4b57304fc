"""Layer normalization layer (``chainer.links.LayerNormalization``)."""
import chainer.functions
from chainer.links.normalization import _scale_shift


class LayerNormalization(_scale_shift.ScaleShiftLink):

    """Layer normalization layer on outputs of linear layers.

    Normalizes each sample of a ``(batch, size)`` input over its features,
    then scales by ``gamma`` and shifts by ``beta``
    (:func:`~chainer.functions.layer_normalization`).

    Args:
        size (int or None): Number of features; ``None`` takes it from the
            first input.
        eps (float): Added to the variance for numerical stability.
        initial_gamma (:ref:`initializer <initializer>`): Initializer of
            ``gamma`` (default one).
        initial_beta (:ref:`initializer <initializer>`): Initializer of
            ``beta`` (default zero).

    Attributes:
        gamma (~chainer.Parameter): Scaling parameter ``(size,)``.
        beta (~chainer.Parameter): Shifting parameter ``(size,)``.
        eps (float): Epsilon added to the variance.

    See: `Layer Normalization <https://arxiv.org/abs/1607.06450>`_

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> ln = L.LayerNormalization(eps=0)
        >>> ln(numpy.array([[1, 3], [2, 2.5]], numpy.float32)).array
        array([[-1.,  1.],
               [-1.,  1.]], dtype=float32)

    """

    def __init__(self, size=None, eps=1e-6, initial_gamma=None,
                 initial_beta=None):
        super(LayerNormalization, self).__init__()
        self._add_scale_shift(size, initial_gamma, initial_beta)
        self.eps = eps

    def forward(self, x):
        """Applies layer normalization.

        Args:
            x (~chainer.Variable or ndarray): Input ``(batch, size)``.

        Returns:
            ~chainer.Variable: Normalized output of the shape of ``x``.
        """
        if self.gamma.array is None:
            # The product of the sample shape, as v5 (also for a batch of
            # zero samples).
            size = 1
            for d in x.shape[1:]:
                size *= d
            self._initialize_params(size)
        return chainer.functions.layer_normalization(
            x, self.gamma, self.beta, self.eps)
