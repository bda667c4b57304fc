"""Scaffolding shared by the update rules of the optimizers."""
from chainer.backends import cuda


def override(hyperparam, **values):
    """Sets the hyperparameters given a value on ``hyperparam``.

    An update rule's argument left as ``None`` is not stored, so it keeps
    following the parent (the optimizer's, or the module's defaults).
    """
    for name, value in values.items():
        if value is not None:
            setattr(hyperparam, name, value)


def new_states(rule, param, zeros=(), ones=()):
    """Creates state arrays shaped like ``param`` on its device.

    ``ones`` are created first, then ``zeros``, each in the order given.
    """
    array = param.array
    xp = cuda.get_array_module(array)
    with cuda.get_device_from_array(array):
        for name in ones:
            rule.state[name] = xp.ones_like(array)
        for name in zeros:
            rule.state[name] = xp.zeros_like(array)
