"""Batch normalization layer (``chainer.links.BatchNormalization``)."""
import numpy

import chainer
from chainer.backends import cuda
import chainer.functions
from chainer import initializers
from chainer import link
from chainer.utils import argument
from chainer import variable


# v5's error for the ``test`` argument of ``forward``, removed in v2.
_TEST_ERROR = ('test argument is not supported anymore. '
               'Use chainer.using_config')


def _init_array(initializer, default, shape, dtype):
    # The running statistics are plain arrays (persistents), not
    # parameters; an initializer fills them like a parameter.
    if initializer is None:
        initializer = default
    initializer = initializers._get_initializer(initializer)
    return initializers.generate_array(initializer, shape, numpy, dtype)


class BatchNormalization(link.Link):

    """Batch normalization layer on outputs of linear or convolution layers.

    In training mode (``chainer.config.train``) it normalizes the input
    with the batch statistics (:func:`~chainer.functions.batch_normalization`)
    and updates the moving averages ``avg_mean`` and ``avg_var``
    (``avg = decay * avg + (1 - decay) * batch_stat``, the variance being
    the unbiased one). With ``finetune=True`` the ``N``-th call uses
    ``decay = 1 - 1 / N``, which averages the statistics of all the
    batches since :meth:`start_finetuning`. In test mode it normalizes
    with the moving averages
    (:func:`~chainer.functions.fixed_batch_normalization`).

    Args:
        size (int, tuple of ints or None): Shape of the channel axes (of
            ``gamma``). ``None`` (with ``axis`` given) takes it from the
            first input.
        decay (float): Decay rate of the moving averages.
        eps (float): Added to the variance for numerical stability.
        dtype: Data type of the parameters and statistics (default
            ``chainer.config.dtype``).
        use_gamma (bool): If ``False``, no scaling parameter (scale 1).
        use_beta (bool): If ``False``, no shifting parameter (shift 0).
        initial_gamma (:ref:`initializer <initializer>`): Initializer of
            ``gamma`` (default one).
        initial_beta (:ref:`initializer <initializer>`): Initializer of
            ``beta`` (default zero).
        axis (int or tuple of ints): Axes of the input reduced over. By
            default the batch axis and the axes after the channels.
        initial_avg_mean (:ref:`initializer <initializer>`): Initializer
            of ``avg_mean`` (default zero).
        initial_avg_var (:ref:`initializer <initializer>`): Initializer of
            ``avg_var`` (default one).

    Attributes:
        gamma (~chainer.Parameter): Scaling parameter (if ``use_gamma``).
        beta (~chainer.Parameter): Shifting parameter (if ``use_beta``).
        avg_mean (ndarray): Population mean (persistent).
        avg_var (ndarray): Population variance (persistent).
        N (int): Number of batches seen in fine-tuning (persistent).
        decay (float): Decay rate of the moving averages.
        eps (float): Epsilon added to the variances.

    See: `Batch Normalization <https://arxiv.org/abs/1502.03167>`_

    .. admonition:: Example

        >>> import numpy
        >>> import chainer
        >>> import chainer.links as L
        >>> x = numpy.array([[0, 2], [2, 6]], numpy.float32)
        >>> bn = L.BatchNormalization(2, eps=0)
        >>> bn(x).array
        array([[-1., -1.],
               [ 1.,  1.]], dtype=float32)
        >>> bn.avg_mean
        array([0.1, 0.4], dtype=float32)
        >>> with chainer.using_config('train', False):
        ...     bn(x).shape
        (2, 2)

    """

    # v5: without use_gamma/use_beta these read None (no AttributeError).
    gamma = None
    beta = None

    def __init__(self, size=None, decay=0.9, eps=2e-5, dtype=None,
                 use_gamma=True, use_beta=True, initial_gamma=None,
                 initial_beta=None, axis=None, initial_avg_mean=None,
                 initial_avg_var=None):
        super(BatchNormalization, self).__init__()
        if size is None and axis is None:
            raise RuntimeError('size or axis is required')
        if isinstance(axis, int):
            axis = (axis,)
        self.axis = axis
        self.decay = decay
        self.eps = eps
        self._dtype = chainer.get_dtype(dtype)
        self._initial_avg_mean = initial_avg_mean
        self._initial_avg_var = initial_avg_var
        self.N = 0
        self.register_persistent('N')
        # Registered even while ``size`` is unknown, so that loading a
        # snapshot into a lazy layer restores the statistics too.
        self.avg_mean = None
        self.register_persistent('avg_mean')
        self.avg_var = None
        self.register_persistent('avg_var')

        with self.init_scope():
            if use_gamma:
                if initial_gamma is None:
                    initial_gamma = 1
                self.gamma = variable.Parameter(self._initializer(
                    initial_gamma))
            if use_beta:
                if initial_beta is None:
                    initial_beta = 0
                self.beta = variable.Parameter(self._initializer(
                    initial_beta))
        if size is not None:
            self._initialize_params(size)

    def _initializer(self, value):
        init = initializers._get_initializer(value)
        init.dtype = self._dtype
        return init

    def _initialize_params(self, shape):
        self.avg_mean = _init_array(
            self._initial_avg_mean, 0, shape, self._dtype)
        self.avg_var = _init_array(
            self._initial_avg_var, 1, shape, self._dtype)
        self._initial_avg_mean = self._initial_avg_var = None
        if not self._cpu:
            self.avg_mean = cuda.to_gpu(self.avg_mean, self._device_id)
            self.avg_var = cuda.to_gpu(self.avg_var, self._device_id)
        for name in ('gamma', 'beta'):
            param = getattr(self, name, None)
            if param is not None and param.array is None:
                param.initialize(shape)

    def _channel_shape(self, x):
        return tuple(s for i, s in enumerate(x.shape) if i not in self.axis)

    def _gamma_beta(self, x):
        xp = self.xp
        with cuda.get_device_from_id(self._device_id):
            gamma = getattr(self, 'gamma', None)
            if gamma is None:
                gamma = xp.ones(self.avg_mean.shape, dtype=x.dtype)
            beta = getattr(self, 'beta', None)
            if beta is None:
                beta = xp.zeros(self.avg_mean.shape, dtype=x.dtype)
        return gamma, beta

    def forward(self, x, **kwargs):
        """forward(self, x, finetune=False)

        Invokes the forward propagation of batch normalization.

        Args:
            x (~chainer.Variable or ndarray): Input of the layer.
            finetune (bool): In training mode, accumulate the population
                statistics (fine-tuning mode) instead of a moving average.

        Returns:
            ~chainer.Variable: Normalized output of the shape of ``x``.
        """
        finetune, = argument.parse_kwargs(
            kwargs, ('finetune', False), test=_TEST_ERROR)
        if self.avg_mean is None:
            self._initialize_params(self._channel_shape(x))
        gamma, beta = self._gamma_beta(x)

        F = chainer.functions
        if chainer.config.train:
            return F.batch_normalization(
                x, gamma, beta, eps=self.eps, running_mean=self.avg_mean,
                running_var=self.avg_var, decay=self._step_decay(finetune),
                axis=self.axis)
        return F.fixed_batch_normalization(
            x, gamma, beta, self.avg_mean, self.avg_var, self.eps,
            axis=self.axis)

    def _step_decay(self, finetune):
        # Fine-tuning averages the statistics of all the N steps since
        # start_finetuning: the N-th step weighs its batch by 1 / N.
        if finetune:
            self.N += 1
            return 1. - 1. / self.N
        return self.decay

    def start_finetuning(self):
        """Resets the population count ``N`` for fine-tuning."""
        self.N = 0
