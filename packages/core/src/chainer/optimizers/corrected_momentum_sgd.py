"""Momentum SGD with the learning rate applied after the momentum."""
from chainer.backends import cuda
from chainer.optimizers import _momentum


_default_hyperparam = _momentum.default_hyperparam()


class CorrectedMomentumSGDRule(_momentum.VelocityRule):

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

    _default_hyperparam = _default_hyperparam

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


class CorrectedMomentumSGD(_momentum.VelocityMethod):

    """Momentum SGD whose velocity is independent of the learning rate.

    .. math::
        v \\leftarrow \\mu v - g, \\qquad w \\leftarrow w + \\eta v

    See `Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour
    <https://arxiv.org/abs/1706.02677>`_.

    Args:
        lr (float): Learning rate :math:`\\eta`.
        momentum (float): Momentum :math:`\\mu`.
    """

    _rule_class = CorrectedMomentumSGDRule
