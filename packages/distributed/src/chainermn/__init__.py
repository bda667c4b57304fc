"""ChainerMN v5 compatible distributed training (chainer-distributed).

Submodules needing ``chainer.training`` (extensions) or ``chainer.links``
load on first use, so ``import chainermn`` stays light.
"""
import importlib as _importlib

import chainer as _chainer

from chainermn import communicators  # NOQA
from chainermn import datasets  # NOQA
from chainermn import functions  # NOQA
from chainermn import global_except_hook  # NOQA
from chainermn import iterators  # NOQA
from chainermn import optimizers  # NOQA
from chainermn.communicators import CommunicatorBase  # NOQA
from chainermn.communicators import create_communicator  # NOQA
from chainermn.datasets import DataSizeError  # NOQA
from chainermn.datasets import scatter_dataset  # NOQA
from chainermn.datasets import scatter_index  # NOQA
from chainermn.optimizers import create_multi_node_optimizer  # NOQA

__version__ = _chainer.__version__

_LAZY = {
    'extensions': ('chainermn.extensions', None),
    'links': ('chainermn.links', None),
    'MultiNodeChainList': ('chainermn.links', 'MultiNodeChainList'),
    'create_multi_node_evaluator': (
        'chainermn.extensions.multi_node_evaluator',
        'create_multi_node_evaluator'),
    'create_multi_node_checkpointer': (
        'chainermn.extensions.checkpoint', 'create_multi_node_checkpointer'),
}


def __getattr__(name):
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError('module %r has no attribute %r'
                             % (__name__, name))
    value = _importlib.import_module(module)
    if attr is not None:
        value = getattr(value, attr)
    globals()[name] = value
    return value


def __dir__():
    return sorted(list(globals()) + list(_LAZY))


global_except_hook._add_hook_if_enabled()
