"""Batch normalization whose statistics span the batches of all ranks."""
import copy

import numpy

import chainer
from chainer.backends import cuda
from chainer import initializers
from chainer import link
from chainer import variable
from chainermn.functions import batch_normalization as _mnbn


class MultiNodeBatchNormalization(link.Link):

    """Batch normalization over the union of the batches of all ranks.

    In training mode the mean and variance are those of all samples of all
    ranks (each rank weighted by its batch size); in test mode it behaves
    like :class:`~chainer.links.BatchNormalization`, using ``avg_mean`` and
    ``avg_var``. All ranks must call it together in training mode.

    Args:
        size (int or tuple of ints): Shape of the channel axes.
        comm (CommunicatorBase): ChainerMN communicator.
        decay (float): Decay rate of the moving averages.
        eps (float): Added to the variance for numerical stability.
        dtype: Data type of the parameters and statistics.
        use_gamma (bool): Learn a scale ``gamma`` (else 1).
        use_beta (bool): Learn a shift ``beta`` (else 0).
        initial_gamma: Initializer of ``gamma`` (default 1).
        initial_beta: Initializer of ``beta`` (default 0).
        communication_backend (str): ``'mpi'``, ``'nccl'`` (pure_nccl
            communicator only) or ``'auto'`` (NCCL when possible).

    Attributes:
        avg_mean, avg_var (ndarray): Population statistics (persistent).
        N (int): Batches seen while fine-tuning (persistent).
    """

    def __init__(self, size, comm, decay=0.9, eps=2e-5, dtype=numpy.float32,
                 use_gamma=True, use_beta=True, initial_gamma=None,
                 initial_beta=None, communication_backend='auto'):
        chainer.utils.experimental(
            'chainermn.links.MultiNodeBatchNormalization')
        super(MultiNodeBatchNormalization, self).__init__()
        # Fails early on a bad name or a backend the comm cannot do.
        _mnbn.get_backend(comm, communication_backend)
        self.comm = comm
        # As in v5, the attribute holds the backend chosen for 'auto'.
        if communication_backend == 'auto':
            from chainermn.communicators import pure_nccl_communicator as _pn
            communication_backend = (
                'nccl' if isinstance(comm, _pn.PureNcclCommunicator)
                else 'mpi')
        self.communication_backend = communication_backend
        self.avg_mean = numpy.zeros(size, dtype=dtype)
        self.register_persistent('avg_mean')
        self.avg_var = numpy.zeros(size, dtype=dtype)
        self.register_persistent('avg_var')
        self.N = 0
        self.register_persistent('N')
        self.decay = decay
        self.eps = eps
        with self.init_scope():
            if use_gamma:
                init = initializers._get_initializer(
                    1 if initial_gamma is None else initial_gamma)
                init.dtype = dtype
                self.gamma = variable.Parameter(init, size)
            if use_beta:
                init = initializers._get_initializer(
                    0 if initial_beta is None else initial_beta)
                init.dtype = dtype
                self.beta = variable.Parameter(init, size)

    def forward(self, x, finetune=False):
        """Normalizes ``x`` (with global batch statistics when training).

        Args:
            x (~chainer.Variable or ndarray): Input; axis 1 onwards starts
                with the channel axes.
            finetune (bool): Average the statistics of all batches since
                :meth:`start_finetuning` instead of a moving average.
        """
        xp = self.xp
        with cuda.get_device_from_array(self.avg_mean):
            gamma = getattr(self, 'gamma', None)
            if gamma is None:
                gamma = variable.Variable(
                    xp.ones(self.avg_mean.shape, dtype=self.avg_mean.dtype),
                    requires_grad=False)
            beta = getattr(self, 'beta', None)
            if beta is None:
                beta = variable.Variable(
                    xp.zeros(self.avg_mean.shape, dtype=self.avg_mean.dtype),
                    requires_grad=False)
        if chainer.config.train:
            if finetune:
                self.N += 1
                decay = 1. - 1. / self.N
            else:
                decay = self.decay
            func = _mnbn.MultiNodeBatchNormalizationFunction(
                self.comm, self.eps, self.avg_mean, self.avg_var, decay,
                self.communication_backend)
            y, = func.apply((x, gamma, beta))
            return y
        return chainer.functions.fixed_batch_normalization(
            x, gamma, beta, variable.Variable(self.avg_mean),
            variable.Variable(self.avg_var), self.eps)

    def start_finetuning(self):
        """Resets the batch count of the fine-tuning mode."""
        self.N = 0

    def __deepcopy__(self, memo):
        # A copy (e.g. double buffering's copy of the model) shares the
        # communicator instead of duplicating an MPI communicator.
        memo.setdefault(id(self.comm), self.comm)
        new = type(self).__new__(type(self))
        memo[id(self)] = new
        for key, value in self.__dict__.items():
            new.__dict__[key] = copy.deepcopy(value, memo)
        return new
