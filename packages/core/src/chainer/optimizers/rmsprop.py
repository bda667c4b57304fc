"""RMSprop."""
import numpy

from chainer.backends import cuda
from chainer import optimizer
from chainer.optimizers import _eps
from chainer.optimizers import _rule_helpers


_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.alpha = 0.99
_default_hyperparam.eps = 1e-8
_default_hyperparam.eps_inside_sqrt = False


class RMSpropRule(optimizer.UpdateRule):

    """Update rule of RMSprop.

    State ``ms`` (zeros at first)::

        ms = alpha * ms + (1 - alpha) * grad**2
        param -= lr * grad / (sqrt(ms) + eps)     # or sqrt(ms + eps)

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Hyperparameter
            that provides the default values.
        lr (float): Learning rate.
        alpha (float): Exponential decay rate of the second order moment.
        eps (float): Small value for numerical stability.
        eps_inside_sqrt (bool): Put ``eps`` inside the square root (as
            TensorFlow's RMSprop does).
    """

    def __init__(self, parent_hyperparam=None, lr=None, alpha=None, eps=None,
                 eps_inside_sqrt=None):
        super(RMSpropRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _rule_helpers.override(self.hyperparam, lr=lr, alpha=alpha, eps=eps,
                               eps_inside_sqrt=eps_inside_sqrt)

    def init_state(self, param):
        _rule_helpers.new_states(self, param, zeros=('ms',))

    def update_core_cpu(self, param):
        hp = self.hyperparam
        grad = param.grad
        _eps.check_eps('RMSprop', hp.eps, grad.dtype)
        ms = self.state['ms']
        ms *= hp.alpha
        ms += (1 - hp.alpha) * grad * grad
        if hp.eps_inside_sqrt:
            denom = numpy.sqrt(ms + hp.eps)
        else:
            denom = numpy.sqrt(ms)
            denom += hp.eps
        param.array -= hp.lr * grad / denom

    def update_core_gpu(self, param):
        hp = self.hyperparam
        _eps.check_eps('RMSprop', hp.eps, param.grad.dtype)
        if hp.eps_inside_sqrt:
            denom = 'sqrt(ms + eps)'
        else:
            denom = 'sqrt(ms) + eps'
        # As in v5, 1 - alpha is computed in the kernel's precision.
        cuda.elementwise(
            'T grad, T lr, T alpha, T eps',
            'T param, T ms',
            '''ms = alpha * ms + ((T)1 - alpha) * grad * grad;
               param -= lr * grad / ({});'''.format(denom),
            'rmsprop_update')(param.grad, hp.lr, hp.alpha, hp.eps,
                              param.array, self.state['ms'])


class RMSprop(optimizer.GradientMethod):

    """RMSprop optimizer.

    See: T. Tieleman and G. Hinton (2012). Lecture 6.5 - rmsprop, COURSERA:
    Neural Networks for Machine Learning.

    Args:
        lr (float): Learning rate.
        alpha (float): Exponential decay rate of the second order moment.
        eps (float): Small value for numerical stability.
        eps_inside_sqrt (bool): When ``True``, ``eps`` is added inside the
            square root.
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 alpha=_default_hyperparam.alpha, eps=_default_hyperparam.eps,
                 eps_inside_sqrt=_default_hyperparam.eps_inside_sqrt):
        super(RMSprop, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.alpha = alpha
        self.hyperparam.eps = eps
        self.hyperparam.eps_inside_sqrt = eps_inside_sqrt

    lr = optimizer.HyperparameterProxy('lr')
    alpha = optimizer.HyperparameterProxy('alpha')
    eps = optimizer.HyperparameterProxy('eps')
    eps_inside_sqrt = optimizer.HyperparameterProxy('eps_inside_sqrt')

    def create_update_rule(self):
        return RMSpropRule(self.hyperparam)
