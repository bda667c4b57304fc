"""Momentum SGD with the learning rate applied after the momentum."""
from chainer.backends import cuda
from chainer import optimizer


_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.momentum = 0.9


class CorrectedMomentumSGDRule(optimizer.UpdateRule):

    """Update rule of corrected momentum SGD.

    State ``v`` (zeros at first): ``v = momentum * v - grad;
    param += lr * v``. Unlike :class:`MomentumSGDRule`, the velocity does
    not include the learning rate, so changing ``lr`` during training does
    not distort the accumulated momentum.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Hyperparameter
            that provides the default values.
        lr (float): Learning rate.
        momentum (float): Exponential decay rate of the velocity.
    """

    def __init__(self, parent_hyperparam=None, lr=None, momentum=None):
        super(CorrectedMomentumSGDRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        if lr is not None:
            self.hyperparam.lr = lr
        if momentum is not None:
            self.hyperparam.momentum = momentum

    def init_state(self, param):
        xp = cuda.get_array_module(param.array)
        with cuda.get_device_from_array(param.array):
            self.state['v'] = xp.zeros_like(param.array)

    def update_core_cpu(self, param):
        v = self.state['v']
        v *= self.hyperparam.momentum
        v -= param.grad
        param.array += self.hyperparam.lr * v

    def update_core_gpu(self, param):
        cuda.elementwise(
            'T grad, T lr, T momentum', 'T param, T v',
            'v = momentum * v - grad; param += lr * v',
            'corrected_momentum_sgd_update')(
                param.grad, self.hyperparam.lr, self.hyperparam.momentum,
                param.array, self.state['v'])


class CorrectedMomentumSGD(optimizer.GradientMethod):

    """Momentum SGD whose velocity is independent of the learning rate.

    .. math::
        v \\leftarrow \\mu v - g, \\qquad w \\leftarrow w + \\eta v

    See `Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour
    <https://arxiv.org/abs/1706.02677>`_.

    Args:
        lr (float): Learning rate :math:`\\eta`.
        momentum (float): Momentum :math:`\\mu`.
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 momentum=_default_hyperparam.momentum):
        super(CorrectedMomentumSGD, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.momentum = momentum

    lr = optimizer.HyperparameterProxy('lr')
    momentum = optimizer.HyperparameterProxy('momentum')

    def create_update_rule(self):
        return CorrectedMomentumSGDRule(self.hyperparam)
