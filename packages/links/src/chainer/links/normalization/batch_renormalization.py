"""Batch renormalization layer (``chainer.links.BatchRenormalization``)."""
import chainer
import chainer.functions
from chainer.links.normalization import batch_normalization
from chainer.utils import argument


class BatchRenormalization(batch_normalization.BatchNormalization):

    """Batch renormalization layer on outputs of linear or convolution layers.

    In training mode it normalizes with the batch statistics corrected
    towards the moving averages
    (:func:`~chainer.functions.batch_renormalization`, with the correction
    ``r`` clipped to ``[1 / rmax, rmax]`` and ``d`` to ``[-dmax, dmax]``)
    and updates the moving averages, unless ``freeze_running_statistics``.
    In test mode it is the same as
    :class:`~chainer.links.BatchNormalization`. ``rmax`` and ``dmax`` are
    attributes, so a training loop may anneal them.

    Args:
        size (int or tuple of ints): Shape of the channel axes.
        rmax (float): Upper bound of ``r`` (at least 1).
        dmax (float): Upper bound of ``|d|`` (at least 0).
        decay (float): Decay rate of the moving averages.
        eps (float): Added to the variances for numerical stability.
        dtype: Data type of the parameters and statistics (default
            ``chainer.config.dtype``).
        use_gamma (bool): If ``False``, no scaling parameter.
        use_beta (bool): If ``False``, no shifting parameter.
        initial_gamma (:ref:`initializer <initializer>`): Initializer of
            ``gamma`` (default one).
        initial_beta (:ref:`initializer <initializer>`): Initializer of
            ``beta`` (default zero).
        freeze_running_statistics (bool): If ``True``, the moving averages
            are not updated in training mode.

    See: `Batch Renormalization <https://arxiv.org/abs/1702.03275>`_
    """

    def __init__(self, size, rmax=1, dmax=0, decay=0.9, eps=2e-5,
                 dtype=None, use_gamma=True, use_beta=True,
                 initial_gamma=None, initial_beta=None,
                 freeze_running_statistics=False):
        super(BatchRenormalization, self).__init__(
            size, decay, eps, dtype, use_gamma, use_beta, initial_gamma,
            initial_beta)
        self.rmax = rmax
        self.dmax = dmax
        self.freeze_running_statistics = freeze_running_statistics

    def forward(self, x, **kwargs):
        """forward(self, x, finetune=False)

        Invokes the forward propagation of batch renormalization.

        Args:
            x (~chainer.Variable or ndarray): Input of the layer.
            finetune (bool): In training mode, accumulate the population
                statistics instead of a moving average.

        Returns:
            ~chainer.Variable: Normalized output of the shape of ``x``.
        """
        finetune, = argument.parse_kwargs(
            kwargs, ('finetune', False),
            test=batch_normalization._TEST_ERROR)
        gamma, beta = self._gamma_beta(x)

        F = chainer.functions
        if chainer.config.train:
            return F.batch_renormalization(
                x, gamma, beta, self.rmax, self.dmax, self.eps,
                self.avg_mean, self.avg_var, self._step_decay(finetune),
                update_statistics=not self.freeze_running_statistics)
        return F.fixed_batch_normalization(
            x, gamma, beta, self.avg_mean, self.avg_var, self.eps)
