"""Adam, with the AdamW (decoupled weight decay) and AMSGrad variants."""
import math

import numpy

from chainer.backends import cuda
from chainer import optimizer
from chainer.optimizers import _eps
from chainer.optimizers import _rule_helpers


_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.alpha = 0.001
_default_hyperparam.beta1 = 0.9
_default_hyperparam.beta2 = 0.999
_default_hyperparam.eps = 1e-8
_default_hyperparam.eta = 1.0
_default_hyperparam.weight_decay_rate = 0
_default_hyperparam.amsgrad = False


def _learning_rate(hp, t):
    # Bias-corrected step size alpha * sqrt(1 - beta2^t) / (1 - beta1^t).
    if t == 0:
        raise RuntimeError(
            "Can't determine the learning rate of Adam optimizer because "
            'the update steps have not been started.')
    fix1 = 1. - math.pow(hp.beta1, t)
    fix2 = 1. - math.pow(hp.beta2, t)
    return hp.alpha * math.sqrt(fix2) / fix1


class AdamRule(optimizer.UpdateRule):

    """Update rule of Adam (and AdamW, AMSGrad).

    States ``m`` and ``v`` (and ``vhat`` with AMSGrad), zeros at first::

        m += (1 - beta1) * (grad - m)
        v += (1 - beta2) * (grad**2 - v)
        vhat = max(vhat, v) if amsgrad else v
        param -= eta * (lr * m / (sqrt(vhat) + eps)
                        + weight_decay_rate * param)

    where ``lr`` is the bias-corrected step size (:attr:`lr`).

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Hyperparameter
            that provides the default values.
        alpha (float): Coefficient of learning rate.
        beta1 (float): Exponential decay rate of the first order moment.
        beta2 (float): Exponential decay rate of the second order moment.
        eps (float): Small value for numerical stability.
        eta (float): Schedule multiplier, can be used for warm restarts.
        weight_decay_rate (float): Weight decay rate (AdamW).
        amsgrad (bool): Whether to use the AMSGrad variant.
    """

    def __init__(self, parent_hyperparam=None, alpha=None, beta1=None,
                 beta2=None, eps=None, eta=None, weight_decay_rate=None,
                 amsgrad=None):
        super(AdamRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _rule_helpers.override(
            self.hyperparam, alpha=alpha, beta1=beta1, beta2=beta2, eps=eps,
            eta=eta, weight_decay_rate=weight_decay_rate, amsgrad=amsgrad)

    def init_state(self, param):
        # AMSGrad also keeps the running maximum of v.
        amsgrad_states = ('vhat',) if self.hyperparam.amsgrad else ()
        _rule_helpers.new_states(self, param,
                                 zeros=('m', 'v') + amsgrad_states)

    def update_core_cpu(self, param):
        hp = self.hyperparam
        grad = param.grad
        _eps.check_eps('Adam', hp.eps, grad.dtype)
        m, v = self.state['m'], self.state['v']
        m += (1 - hp.beta1) * (grad - m)
        v += (1 - hp.beta2) * (grad * grad - v)
        if hp.amsgrad:
            vhat = self.state['vhat']
            numpy.maximum(vhat, v, out=vhat)
        else:
            vhat = v
        step = self.lr * m / (numpy.sqrt(vhat) + hp.eps)
        if hp.weight_decay_rate != 0:
            step += hp.weight_decay_rate * param.array
        param.array -= hp.eta * step

    def update_core_gpu(self, param):
        hp = self.hyperparam
        grad = param.grad
        _eps.check_eps('Adam', hp.eps, grad.dtype)
        args = [grad, self.lr, 1 - hp.beta1, 1 - hp.beta2, hp.eps, hp.eta,
                hp.weight_decay_rate, param.array, self.state['m'],
                self.state['v']]
        if hp.amsgrad:
            args.append(self.state['vhat'])
            cuda.elementwise(
                'T grad, T lr, T one_minus_beta1, T one_minus_beta2, T eps, '
                'T eta, T weight_decay_rate',
                'T param, T m, T v, T vhat',
                '''m += one_minus_beta1 * (grad - m);
                   v += one_minus_beta2 * (grad * grad - v);
                   vhat = max(vhat, v);
                   param -= eta * (lr * m / (sqrt(vhat) + eps)
                                   + weight_decay_rate * param);''',
                'amsgrad_update')(*args)
        else:
            cuda.elementwise(
                'T grad, T lr, T one_minus_beta1, T one_minus_beta2, T eps, '
                'T eta, T weight_decay_rate',
                'T param, T m, T v',
                '''m += one_minus_beta1 * (grad - m);
                   v += one_minus_beta2 * (grad * grad - v);
                   param -= eta * (lr * m / (sqrt(v) + eps)
                                   + weight_decay_rate * param);''',
                'adam_update')(*args)

    @property
    def lr(self):
        """Bias-corrected step size of this rule's next update."""
        return _learning_rate(self.hyperparam, self.t)

    @property
    def alpha_t(self):
        """Same as :attr:`lr` (the name later Chainer versions use)."""
        return self.lr


class Adam(optimizer.GradientMethod):

    """Adam optimizer.

    See: `Adam: A Method for Stochastic Optimization
    <https://arxiv.org/abs/1412.6980v8>`_. With ``eta`` and
    ``weight_decay_rate`` it is AdamW (`Fixing Weight Decay Regularization
    in Adam <https://openreview.net/forum?id=rk6qdGgCZ>`_); with the
    defaults ``eta=1`` and ``weight_decay_rate=0`` it is plain Adam.
    ``amsgrad=True`` gives AMSGrad (`On the Convergence of Adam and Beyond
    <https://openreview.net/forum?id=ryQu7f-RZ>`_).

    Args:
        alpha (float): Coefficient of learning rate.
        beta1 (float): Exponential decay rate of the first order moment.
        beta2 (float): Exponential decay rate of the second order moment.
        eps (float): Small value for numerical stability.
        eta (float): Schedule multiplier, can be used for warm restarts.
        weight_decay_rate (float): Weight decay rate.
        amsgrad (bool): Whether to use AMSGrad variant of Adam.
    """

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate,
                 amsgrad=_default_hyperparam.amsgrad):
        super(Adam, self).__init__()
        self.hyperparam.alpha = alpha
        self.hyperparam.beta1 = beta1
        self.hyperparam.beta2 = beta2
        self.hyperparam.eps = eps
        self.hyperparam.eta = eta
        self.hyperparam.weight_decay_rate = weight_decay_rate
        self.hyperparam.amsgrad = amsgrad

    alpha = optimizer.HyperparameterProxy('alpha')
    beta1 = optimizer.HyperparameterProxy('beta1')
    beta2 = optimizer.HyperparameterProxy('beta2')
    eps = optimizer.HyperparameterProxy('eps')
    eta = optimizer.HyperparameterProxy('eta')
    weight_decay_rate = optimizer.HyperparameterProxy('weight_decay_rate')
    amsgrad = optimizer.HyperparameterProxy('amsgrad')

    def create_update_rule(self):
        return AdamRule(self.hyperparam)

    @property
    def lr(self):
        """Bias-corrected step size at the optimizer's step count ``t``."""
        return _learning_rate(self.hyperparam, self.t)

    @property
    def alpha_t(self):
        """Same as :attr:`lr` (the name later Chainer versions use)."""
        return self.lr
