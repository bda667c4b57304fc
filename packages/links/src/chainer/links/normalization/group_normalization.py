"""Group normalization layer (``chainer.links.GroupNormalization``)."""
import chainer.functions
from chainer import initializers
from chainer import link
from chainer import variable


class GroupNormalization(link.Link):

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
        if initial_gamma is None:
            initial_gamma = 1
        if initial_beta is None:
            initial_beta = 0
        self.groups = groups
        self.eps = eps
        with self.init_scope():
            self.gamma = variable.Parameter(
                initializers._get_initializer(initial_gamma))
            self.beta = variable.Parameter(
                initializers._get_initializer(initial_beta))
            if size is not None:
                self._initialize_params(size)

    def _initialize_params(self, size):
        self.gamma.initialize(size)
        self.beta.initialize(size)

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
