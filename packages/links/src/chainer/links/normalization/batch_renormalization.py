"""Batch renormalization layer (``chainer.links.BatchRenormalization``)."""
import chainer
import chainer.functions
from chainer.functions.normalization import batch_renormalization
from chainer.links.normalization import batch_normalization
from chainer.utils import argument


class BatchRenormalization(batch_normalization.BatchNormalization):

    """Batch renormalization layer on outputs of linear or convolution layers.

    In training mode it normalizes with the batch statistics corrected
    towards the moving averages
    (:func:`~chainer.functions.batch_renormalization`, with the correction
    ``r`` clipped to ``[1 / rmax, rmax]`` and ``d`` to ``[-dmax, dmax]``)
    and updates the moving averages.
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
        freeze_running_statistics (bool): If ``True``, the first training
            call works as usual (it updates the moving averages) and keeps
            its corrections ``r`` and ``d``; later training calls reuse
            them and leave the moving averages unchanged, as in v5.

    Attributes:
        r (ndarray): The frozen correction ``r`` (``None`` until the first
            training call with ``freeze_running_statistics``).
        d (ndarray): The frozen correction ``d``, like ``r``.

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
        self.r = None
        self.d = None
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

        if not chainer.config.train:
            return chainer.functions.fixed_batch_normalization(
                x, gamma, beta, self.avg_mean, self.avg_var, self.eps)
        decay = self._step_decay(finetune)
        freeze = self.freeze_running_statistics
        if freeze and self.r is not None:
            return self._frozen_forward(x, gamma, beta)
        node = batch_renormalization.BatchRenormalizationFunction(
            self.eps, self.avg_mean, self.avg_var, decay, self.rmax,
            self.dmax, update_statistics=True)
        y, = node.apply((x, gamma, beta))
        if freeze:
            # v5 keeps the corrections of the first frozen call.
            self.r, self.d = node.r, node.d
        return y

    def _frozen_forward(self, x, gamma, beta):
        # v5 with frozen statistics: the batch is normalized by its own
        # mean and std (eps inside), then corrected by the stored r and d,
        # which get no gradient.
        F = chainer.functions
        x = chainer.as_variable(x)
        axis = (0,) + tuple(range(gamma.ndim + 1, x.ndim))
        mean = F.mean(x, axis=axis, keepdims=True)
        pshape = mean.shape

        def spread(v):
            return F.broadcast_to(F.reshape(v, pshape), x.shape)

        xc = x - F.broadcast_to(mean, x.shape)
        var = F.mean(xc * xc, axis=axis, keepdims=True)
        std = F.sqrt(var + self.eps)
        r = self.r.astype(x.dtype, copy=False)
        d = self.d.astype(x.dtype, copy=False)
        x_hat = xc / F.broadcast_to(std, x.shape)
        return spread(gamma) * (x_hat * spread(r) + spread(d)) + spread(beta)
