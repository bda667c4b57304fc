import importlib

import pytest

import chainer
import chainermn

V5_NAMES = [
    'chainermn.CommunicatorBase', 'chainermn.DataSizeError',
    'chainermn.MultiNodeChainList', 'chainermn.create_communicator',
    'chainermn.create_multi_node_checkpointer',
    'chainermn.create_multi_node_evaluator',
    'chainermn.create_multi_node_optimizer', 'chainermn.scatter_dataset',
    'chainermn.datasets.create_empty_dataset',
    'chainermn.extensions.AllreducePersistent',
    'chainermn.functions.allgather', 'chainermn.functions.alltoall',
    'chainermn.functions.bcast', 'chainermn.functions.gather',
    'chainermn.functions.pseudo_connect', 'chainermn.functions.recv',
    'chainermn.functions.scatter', 'chainermn.functions.send',
    'chainermn.global_except_hook.add_hook',
    'chainermn.iterators.create_multi_node_iterator',
    'chainermn.links.MultiNodeBatchNormalization',
    'chainermn.links.create_multi_node_n_step_rnn',
    'chainermn.communicators.CommunicatorBase',
    'chainermn.optimizers.create_multi_node_optimizer',
    'chainermn.scatter_index',
]


@pytest.mark.parametrize('name', V5_NAMES)
def test_public_names(name):
    parts = name.split('.')
    obj = importlib.import_module(parts[0])
    for part in parts[1:]:
        obj = getattr(obj, part)
    assert obj is not None


def test_version():
    assert chainermn.__version__ == chainer.__version__


def test_dir_lists_lazy_names():
    assert 'create_multi_node_evaluator' in dir(chainermn)
    with pytest.raises(AttributeError):
        chainermn.no_such_name
