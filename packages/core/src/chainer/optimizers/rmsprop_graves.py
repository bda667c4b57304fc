"""Alex Graves's RMSprop."""
import numpy

from chainer.backends import cuda
from chainer import optimizer
from chainer.optimizers import _rule_helpers


_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 1e-4
_default_hyperparam.alpha = 0.95
_default_hyperparam.momentum = 0.9
_default_hyperparam.eps = 1e-4


class RMSpropGravesRule(optimizer.UpdateRule):

    """Update rule of Alex Graves's RMSprop.

    States ``n``, ``g`` and ``delta``, zeros at first::

        n = alpha * n + (1 - alpha) * grad**2
        g = alpha * g + (1 - alpha) * grad
        delta = momentum * delta - lr * grad / sqrt(n - g**2 + eps)
        param += delta

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Hyperparameter
            that provides the default values.
        lr (float): Learning rate.
        alpha (float): Exponential decay rate of the moments.
        momentum (float): Exponential decay rate of the step.
        eps (float): Small value for numerical stability.
    """

    def __init__(self, parent_hyperparam=None, lr=None, alpha=None,
                 momentum=None, eps=None):
        super(RMSpropGravesRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _rule_helpers.override(self.hyperparam, lr=lr, alpha=alpha,
                               momentum=momentum, eps=eps)

    def init_state(self, param):
        _rule_helpers.new_states(self, param, zeros=('n', 'g', 'delta'))

    def update_core_cpu(self, param):
        hp = self.hyperparam
        grad = param.grad
        n, g, delta = self.state['n'], self.state['g'], self.state['delta']
        n *= hp.alpha
        n += (1 - hp.alpha) * grad * grad
        g *= hp.alpha
        g += (1 - hp.alpha) * grad
        delta *= hp.momentum
        delta -= hp.lr * grad / numpy.sqrt(n - g * g + hp.eps)
        param.array += delta

    def update_core_gpu(self, param):
        hp = self.hyperparam
        # As in v5, 1 - alpha is computed in the kernel's precision.
        cuda.elementwise(
            'T grad, T lr, T alpha, T momentum, T eps',
            'T param, T avg_n, T avg_g, T delta',
            '''avg_n = alpha * avg_n + ((T)1 - alpha) * grad * grad;
               avg_g = alpha * avg_g + ((T)1 - alpha) * grad;
               delta = delta * momentum
                       - lr * grad / sqrt(avg_n - avg_g * avg_g + eps);
               param += delta;''',
            'rmsprop_graves_update')(
                param.grad, hp.lr, hp.alpha, hp.momentum, hp.eps,
                param.array, self.state['n'], self.state['g'],
                self.state['delta'])


class RMSpropGraves(optimizer.GradientMethod):

    """Alex Graves's RMSprop.

    See: https://arxiv.org/abs/1308.0850

    Args:
        lr (float): Learning rate.
        alpha (float): Exponential decay rate of the first and second order
            moments of the raw gradient.
        momentum (float): Exponential decay rate of the first order moment
            of the adjusted gradient.
        eps (float): Small value for numerical stability.
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 alpha=_default_hyperparam.alpha,
                 momentum=_default_hyperparam.momentum,
                 eps=_default_hyperparam.eps):
        super(RMSpropGraves, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.alpha = alpha
        self.hyperparam.momentum = momentum
        self.hyperparam.eps = eps

    lr = optimizer.HyperparameterProxy('lr')
    alpha = optimizer.HyperparameterProxy('alpha')
    momentum = optimizer.HyperparameterProxy('momentum')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return RMSpropGravesRule(self.hyperparam)
