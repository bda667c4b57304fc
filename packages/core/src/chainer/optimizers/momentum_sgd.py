"""Classical momentum SGD."""
from chainer.backends import cuda
from chainer.optimizers import _momentum


_default_hyperparam = _momentum.default_hyperparam()


class MomentumSGDRule(_momentum.VelocityRule):

    """Update rule of momentum SGD.

    State ``v`` (velocity, zeros at first):
    ``v = momentum * v - lr * grad; param += v``.

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
        v -= self.hyperparam.lr * param.grad
        param.array += v

    def update_core_gpu(self, param):
        cuda.elementwise(
            'T grad, T lr, T momentum', 'T param, T v',
            'v = momentum * v - lr * grad; param += v',
            'momentum_sgd_update')(param.grad, self.hyperparam.lr,
                                   self.hyperparam.momentum, param.array,
                                   self.state['v'])


class MomentumSGD(_momentum.VelocityMethod):

    """Momentum SGD optimizer.

    .. math::
        v \\leftarrow \\mu v - \\eta g, \\qquad w \\leftarrow w + v

    Args:
        lr (float): Learning rate :math:`\\eta`.
        momentum (float): Momentum :math:`\\mu`.
    """

    _rule_class = MomentumSGDRule
