"""AdaGrad."""
import numpy

from chainer.backends import cuda
from chainer import optimizer
from chainer.optimizers import _rule_helpers


_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.001
_default_hyperparam.eps = 1e-8


class AdaGradRule(optimizer.UpdateRule):

    """Update rule of AdaGrad.

    State ``h`` (zeros at first): ``h += grad**2;
    param -= lr * grad / (sqrt(h) + eps)``.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Hyperparameter
            that provides the default values.
        lr (float): Learning rate.
        eps (float): Small value for numerical stability.
    """

    def __init__(self, parent_hyperparam=None, lr=None, eps=None):
        super(AdaGradRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _rule_helpers.override(self.hyperparam, lr=lr, eps=eps)

    def init_state(self, param):
        _rule_helpers.new_states(self, param, zeros=('h',))

    def update_core_cpu(self, param):
        grad = param.grad
        h = self.state['h']
        h += grad * grad
        param.array -= self.hyperparam.lr * grad / (
            numpy.sqrt(h) + self.hyperparam.eps)

    def update_core_gpu(self, param):
        cuda.elementwise(
            'T grad, T lr, T eps', 'T param, T h',
            '''h += grad * grad;
               param -= lr * grad / (sqrt(h) + eps);''',
            'adagrad_update')(param.grad, self.hyperparam.lr,
                              self.hyperparam.eps, param.array,
                              self.state['h'])


class AdaGrad(optimizer.GradientMethod):

    """AdaGrad optimizer.

    See: http://jmlr.org/papers/v12/duchi11a.html

    Args:
        lr (float): Learning rate.
        eps (float): Small value for numerical stability.
    """

    def __init__(self, lr=_default_hyperparam.lr, eps=_default_hyperparam.eps):
        super(AdaGrad, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.eps = eps

    lr = optimizer.HyperparameterProxy('lr')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return AdaGradRule(self.hyperparam)
