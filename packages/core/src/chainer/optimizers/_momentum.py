"""Base classes of the optimizers with a learning rate ``lr``, a
``momentum`` and one velocity state ``v``: MomentumSGD,
CorrectedMomentumSGD and NesterovAG differ only in the update itself."""
from chainer import optimizer
from chainer.optimizers import _rule_helpers


_LR = 0.01
_MOMENTUM = 0.9


def default_hyperparam():
    """Each module's own defaults, ``lr=0.01, momentum=0.9``."""
    hyperparam = optimizer.Hyperparameter()
    hyperparam.lr = _LR
    hyperparam.momentum = _MOMENTUM
    return hyperparam


class VelocityRule(optimizer.UpdateRule):

    """Update rule holding ``v`` (zeros at first); subclasses update it.

    Subclasses set ``_default_hyperparam`` to their module's defaults.
    """

    _default_hyperparam = None

    def __init__(self, parent_hyperparam=None, lr=None, momentum=None):
        super(VelocityRule, self).__init__(
            parent_hyperparam or self._default_hyperparam)
        _rule_helpers.override(self.hyperparam, lr=lr, momentum=momentum)

    def init_state(self, param):
        _rule_helpers.new_states(self, param, zeros=('v',))


class VelocityMethod(optimizer.GradientMethod):

    """Gradient method making one ``_rule_class`` rule per parameter."""

    _rule_class = None

    def __init__(self, lr=_LR, momentum=_MOMENTUM):
        super(VelocityMethod, self).__init__()
        self.hyperparam.lr = lr
        self.hyperparam.momentum = momentum

    lr = optimizer.HyperparameterProxy('lr')
    momentum = optimizer.HyperparameterProxy('momentum')

    def create_update_rule(self):
        return self._rule_class(self.hyperparam)
