"""Zeiler's ADADELTA."""
import numpy

from chainer.backends import cuda
from chainer import optimizer
from chainer.optimizers import _rule_helpers


_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.rho = 0.95
_default_hyperparam.eps = 1e-6


class AdaDeltaRule(optimizer.UpdateRule):

    """Update rule of ADADELTA.

    States ``msg`` (mean square gradient) and ``msdx`` (mean square step),
    zeros at first::

        msg = rho * msg + (1 - rho) * grad**2
        dx = sqrt((msdx + eps) / (msg + eps)) * grad
        msdx = rho * msdx + (1 - rho) * dx**2
        param -= dx

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Hyperparameter
            that provides the default values.
        rho (float): Exponential decay rate of the moments.
        eps (float): Small value for numerical stability.
    """

    def __init__(self, parent_hyperparam=None, rho=None, eps=None):
        super(AdaDeltaRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _rule_helpers.override(self.hyperparam, rho=rho, eps=eps)

    def init_state(self, param):
        _rule_helpers.new_states(self, param, zeros=('msg', 'msdx'))

    def update_core_cpu(self, param):
        grad = param.grad
        rho, eps = self.hyperparam.rho, self.hyperparam.eps
        msg, msdx = self.state['msg'], self.state['msdx']
        msg *= rho
        msg += (1 - rho) * grad * grad
        dx = numpy.sqrt((msdx + eps) / (msg + eps))
        dx *= grad
        msdx *= rho
        msdx += (1 - rho) * dx * dx
        param.array -= dx

    def update_core_gpu(self, param):
        cuda.elementwise(
            'T grad, T one_minus_rho, T eps',
            'T param, T msg, T msdx',
            '''msg = msg + one_minus_rho * (grad * grad - msg);
               T dx = sqrt((msdx + eps) / (msg + eps)) * grad;
               msdx += one_minus_rho * (dx * dx - msdx);
               param -= dx;''',
            'adadelta_update')(param.grad, 1 - self.hyperparam.rho,
                               self.hyperparam.eps, param.array,
                               self.state['msg'], self.state['msdx'])


class AdaDelta(optimizer.GradientMethod):

    """Zeiler's ADADELTA.

    See: http://www.matthewzeiler.com/pubs/googleTR2012/googleTR2012.pdf

    Args:
        rho (float): Exponential decay rate of the first and second order
            moments.
        eps (float): Small value for numerical stability.
    """

    def __init__(self, rho=_default_hyperparam.rho,
                 eps=_default_hyperparam.eps):
        super(AdaDelta, self).__init__()
        self.hyperparam.rho = rho
        self.hyperparam.eps = eps

    rho = optimizer.HyperparameterProxy('rho')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return AdaDeltaRule(self.hyperparam)
