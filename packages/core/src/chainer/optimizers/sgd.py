"""Vanilla stochastic gradient descent."""
from chainer.backends import cuda
from chainer import optimizer


_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01


class SGDRule(optimizer.UpdateRule):

    """Update rule of vanilla SGD: ``param -= lr * grad``.

    See :class:`~chainer.optimizers.SGD` for the default values.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Hyperparameter
            that provides the default values.
        lr (float): Learning rate.
    """

    def __init__(self, parent_hyperparam=None, lr=None):
        super(SGDRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr

    def update_core_cpu(self, param):
        param.array -= self.hyperparam.lr * param.grad

    def update_core_gpu(self, param):
        cuda.elementwise('T grad, T lr', 'T param',
                         'param -= lr * grad',
                         'sgd_update')(param.grad, self.hyperparam.lr,
                                       param.array)


class SGD(optimizer.GradientMethod):

    """Vanilla stochastic gradient descent.

    Each step updates every parameter :math:`w` with its gradient :math:`g`
    as :math:`w \\leftarrow w - \\eta g`.

    Args:
        lr (float): Learning rate :math:`\\eta`.
    """

    def __init__(self, lr=_default_hyperparam.lr):
        super(SGD, self).__init__()
        self.hyperparam.lr = lr

    lr = optimizer.HyperparameterProxy('lr')

    def create_update_rule(self):
        return SGDRule(self.hyperparam)
