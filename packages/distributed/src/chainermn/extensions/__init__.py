"""Trainer extensions for multi-node training.

Modules needing ``chainer.training`` load on first use of their names.
"""
import importlib

_LAZY = {
    'AllreducePersistent': 'chainermn.extensions.allreduce_persistent',
    'create_multi_node_checkpointer': 'chainermn.extensions.checkpoint',
    'create_multi_node_evaluator':
        'chainermn.extensions.multi_node_evaluator',
}


def __getattr__(name):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError('module %r has no attribute %r'
                             % (__name__, name))
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + list(_LAZY))
