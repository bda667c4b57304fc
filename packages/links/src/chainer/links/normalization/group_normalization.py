"""Group normalization layer (``chainer.links.GroupNormalization``)."""
import chainer.functions
from chainer.links.normalization import _scale_shift


class GroupNormalization(_scale_shift.ScaleShiftLink):

    """Group normalization layer on outputs of convolution layers.

    Splits the channels of each sample into ``groups`` groups, normalizes
    each group over its channels and spatial positions, then scales and
    shifts each channel (:func:`~chainer.functions.group_normalization`).

    Args:
        groups (int): Number of channel groups; must divide the number of
            channels.
        size (int or None): Number of channels; ``None`` takes it from the
            first input.
        eps (float): Added to the variance for numerical stability.
        initial_gamma (:ref:`initializer <initializer>`): Initializer of
            ``gamma`` (default one).
        initial_beta (:ref:`initializer <initializer>`): Initializer of
            ``beta`` (default zero).

    Attributes:
        groups (int): Number of channel groups.
        gamma (~chainer.Parameter): Scaling parameter ``(size,)``.
        beta (~chainer.Parameter): Shifting parameter ``(size,)``.
        eps (float): Epsilon added to the variance.

    See: `Group Normalization <https://arxiv.org/abs/1803.08494>`_

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> gn = L.GroupNormalization(2)
        >>> gn(numpy.zeros((1, 4, 3, 3), numpy.float32)).shape
        (1, 4, 3, 3)
        >>> gn.gamma.shape
        (4,)

    """

    def __init__(self, groups, size=None, eps=1e-5, initial_gamma=None,
                 initial_beta=None):
        super(GroupNormalization, self).__init__()
        self.groups = groups
        self.eps = eps
        self._add_scale_shift(size, initial_gamma, initial_beta)

    def forward(self, x):
        """Applies group normalization.

        Args:
            x (~chainer.Variable or ndarray): Input ``(batch, channels,
                ...)`` with at least one axis after the channels.

        Returns:
            ~chainer.Variable: Normalized output of the shape of ``x``.
        """
        if x.ndim <= 2:
            raise ValueError('Input dimension must be greater than 2, '
                             'including batch size dimension '
                             '(first dimension).')
        if self.gamma.array is None:
            self._initialize_params(x.shape[1])
        return chainer.functions.group_normalization(
            x, self.groups, self.gamma, self.beta, self.eps)
