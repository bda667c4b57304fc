"""Simon Funk's SMORMS3."""
import numpy

from chainer.backends import cuda
from chainer import optimizer
from chainer.optimizers import _rule_helpers


_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.001
_default_hyperparam.eps = 1e-16


class SMORMS3Rule(optimizer.UpdateRule):

    """Update rule of SMORMS3.

    States ``mem`` (ones at first), ``g`` and ``g2`` (zeros)::

        r = 1 / (mem + 1)
        g = (1 - r) * g + r * grad
        g2 = (1 - r) * g2 + r * grad**2
        x = g**2 / (g2 + eps)
        param -= grad * min(lr, x) / (sqrt(g2) + eps)
        mem = 1 + mem * (1 - x)

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Hyperparameter
            that provides the default values.
        lr (float): Learning rate.
        eps (float): Small value for numerical stability.
    """

    def __init__(self, parent_hyperparam=None, lr=None, eps=None):
        super(SMORMS3Rule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _rule_helpers.override(self.hyperparam, lr=lr, eps=eps)

    def init_state(self, param):
        _rule_helpers.new_states(self, param, ones=('mem',),
                                 zeros=('g', 'g2'))

    def update_core_cpu(self, param):
        hp = self.hyperparam
        grad = param.grad
        mem, g, g2 = self.state['mem'], self.state['g'], self.state['g2']
        # Same operations in the same order as v5, so float32 results agree
        # bit for bit: (1 - r) * g + r * grad rounds differently from
        # g + r * (grad - g).
        r = 1 / (mem + 1)
        g[...] = (1 - r) * g + r * grad
        g2[...] = (1 - r) * g2 + r * grad * grad
        x = g * g / (g2 + hp.eps)
        param.array -= grad * numpy.minimum(x, hp.lr) / (
            numpy.sqrt(g2) + hp.eps)
        mem[...] = 1 + mem * (1 - x)

    def update_core_gpu(self, param):
        hp = self.hyperparam
        cuda.elementwise(
            'T grad, T lr, T eps', 'T param, T mem, T g, T g2',
            '''T r = (T)1 / (mem + (T)1);
               g = ((T)1 - r) * g + r * grad;
               g2 = ((T)1 - r) * g2 + r * grad * grad;
               T x = g * g / (g2 + eps);
               param -= grad * min(lr, x) / (sqrt(g2) + eps);
               mem = (T)1 + mem * ((T)1 - x);''',
            'smorms3_update')(param.grad, hp.lr, hp.eps, param.array,
                              self.state['mem'], self.state['g'],
                              self.state['g2'])


class SMORMS3(optimizer.GradientMethod):

    """Simon Funk's SMORMS3.

    See: http://sifter.org/~simon/journal/20150420.html

    Args:
        lr (float): Learning rate.
        eps (float): Small value for numerical stability.
    """

    def __init__(self, lr=_default_hyperparam.lr, eps=_default_hyperparam.eps):
        super(SMORMS3, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.eps = eps

    lr = optimizer.HyperparameterProxy('lr')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return SMORMS3Rule(self.hyperparam)
