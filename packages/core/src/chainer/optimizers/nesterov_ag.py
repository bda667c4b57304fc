"""Nesterov's accelerated gradient."""
from chainer.backends import cuda
from chainer.optimizers import _momentum


_default_hyperparam = _momentum.default_hyperparam()


class NesterovAGRule(_momentum.VelocityRule):

    """Update rule of Nesterov's accelerated gradient.

    State ``v`` (zeros at first): ``v = momentum * v - lr * grad``, then
    ``param += momentum**2 * v - (1 + momentum) * lr * grad``.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Hyperparameter
            that provides the default values.
        lr (float): Learning rate.
        momentum (float): Exponential decay rate of the velocity.
    """

    _default_hyperparam = _default_hyperparam

    def update_core_cpu(self, param):
        v = self.state['v']
        lr, mu = self.hyperparam.lr, self.hyperparam.momentum
        grad = param.grad
        v *= mu
        v -= lr * grad
        param.array += mu * mu * v
        param.array -= (1 + mu) * lr * grad

    def update_core_gpu(self, param):
        lr, mu = self.hyperparam.lr, self.hyperparam.momentum
        # As in v5, (1 + momentum) * lr is formed in the kernel's precision.
        cuda.elementwise(
            'T grad, T lr, T momentum', 'T param, T v',
            '''v = v * momentum - lr * grad;
               param += momentum * momentum * v
                        - ((T)1 + momentum) * lr * grad;''',
            'nesterov_ag_update')(param.grad, lr, mu, param.array,
                                  self.state['v'])


class NesterovAG(_momentum.VelocityMethod):

    """Nesterov's accelerated gradient.

    Uses the reformulation of `Advances in Optimizing Recurrent Networks
    <https://arxiv.org/abs/1212.0901>`_, which needs only the gradient at
    the current parameters.

    Args:
        lr (float): Learning rate.
        momentum (float): Exponential decay rate of the first order moment.
    """

    _rule_class = NesterovAGRule
