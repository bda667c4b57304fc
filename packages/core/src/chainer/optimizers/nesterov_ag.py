"""Nesterov's accelerated gradient."""
from chainer.backends import cuda
from chainer import optimizer


_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.momentum = 0.9


class NesterovAGRule(optimizer.UpdateRule):

    """Update rule of Nesterov's accelerated gradient.

    State ``v`` (zeros at first): ``v = momentum * v - lr * grad``, then
    ``param += momentum**2 * v - (1 + momentum) * lr * grad``.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Hyperparameter
            that provides the default values.
        lr (float): Learning rate.
        momentum (float): Exponential decay rate of the velocity.
    """

    def __init__(self, parent_hyperparam=None, lr=None, momentum=None):
        super(NesterovAGRule, self).__init__(
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
        lr, mu = self.hyperparam.lr, self.hyperparam.momentum
        grad = param.grad
        v *= mu
        v -= lr * grad
        param.array += mu * mu * v
        param.array -= (1 + mu) * lr * grad

    def update_core_gpu(self, param):
        lr, mu = self.hyperparam.lr, self.hyperparam.momentum
        cuda.elementwise(
            'T grad, T lr, T momentum, T lr_grad', 'T param, T v',
            '''v = momentum * v - lr * grad;
               param += momentum * momentum * v - lr_grad * grad;''',
            'nesterov_ag_update')(param.grad, lr, mu, (1 + mu) * lr,
                                  param.array, self.state['v'])


class NesterovAG(optimizer.GradientMethod):

    """Nesterov's accelerated gradient.

    Uses the reformulation of `Advances in Optimizing Recurrent Networks
    <https://arxiv.org/abs/1212.0901>`_, which needs only the gradient at
    the current parameters.

    Args:
        lr (float): Learning rate.
        momentum (float): Exponential decay rate of the first order moment.
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 momentum=_default_hyperparam.momentum):
        super(NesterovAG, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.momentum = momentum

    lr = optimizer.HyperparameterProxy('lr')
    momentum = optimizer.HyperparameterProxy('momentum')

    def create_update_rule(self):
        return NesterovAGRule(self.hyperparam)
