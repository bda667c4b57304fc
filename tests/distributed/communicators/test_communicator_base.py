import pytest

from chainermn.communicators import communicator_base


def test_abstract():
    with pytest.raises(TypeError):
        communicator_base.CommunicatorBase()


def test_aliases_delegate():
    calls = []

    class Minimal(communicator_base.CommunicatorBase):
        pass

    names = [n for n in dir(communicator_base.CommunicatorBase)
             if getattr(getattr(communicator_base.CommunicatorBase, n),
                        '__isabstractmethod__', False)]
    body = {n: (lambda self, *a, **k: None) for n in names}
    body['allreduce_grad'] = (
        lambda self, model, zero_fill=False: calls.append(('grad', model,
                                                           zero_fill)))
    body['bcast_data'] = lambda self, model: calls.append(('data', model))
    Concrete = type('Concrete', (communicator_base.CommunicatorBase,), body)
    c = Concrete()
    c.multi_node_mean_grad('m', zero_fill=True)
    c.broadcast_data('m')
    c.finalize()
    assert calls == [('grad', 'm', True), ('data', 'm')]
    for required in ('send', 'recv', 'bcast', 'gather', 'allgather',
                     'alltoall', 'scatter', 'allreduce', 'send_obj',
                     'recv_obj', 'bcast_obj', 'gather_obj', 'allreduce_obj',
                     'split', 'bcast_data', 'allreduce_grad', 'rank',
                     'size', 'intra_rank', 'intra_size', 'inter_rank',
                     'inter_size'):
        assert required in names
