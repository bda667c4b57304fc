import numpy
import pytest

import chainer
import chainermn

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]


def _iterator(comm, master, repeat=True):
    data = [(numpy.full(2, i, 'f'), numpy.int64(i)) for i in range(7)]
    actual = None
    if comm.rank == master:
        actual = chainer.iterators.SerialIterator(data, 3, repeat=repeat,
                                                  shuffle=True)
    return chainermn.iterators.create_multi_node_iterator(actual, comm,
                                                          master)


def test_same_batches_everywhere(comm):
    numpy.random.seed(comm.rank)  # only the master's order matters
    master = comm.size - 1
    it = _iterator(comm, master)
    batches = [it.next() for _ in range(5)]
    everyone = comm.allgather_obj([[int(t) for _, t in b] for b in batches])
    assert all(e == everyone[0] for e in everyone)
    assert isinstance(batches[0][0][1], numpy.int64)  # no cast to int32
    assert it.epoch == 2 and it.epoch_detail == pytest.approx(15 / 7)
    flags = comm.allgather_obj(it.is_new_epoch)
    assert all(f == flags[0] for f in flags)


def test_stop_iteration_everywhere(comm):
    it = _iterator(comm, 0, repeat=False)
    seen = sum(len(b) for b in it)
    assert seen == 7


def test_slave_snapshot_has_v5_keys(comm):
    it = _iterator(comm, 0)
    for _ in range(4):
        it.next()  # epoch 1, position 5
    target = {}
    it.serialize(chainer.serializers.DictionarySerializer(target))
    if comm.rank != 0:
        assert {k: int(v) for k, v in target.items()} == {
            'current_position': 5, 'epoch': 1, 'is_new_epoch': 0}
    # A v5 slave snapshot (these keys, and its stale order) loads; the
    # state comes from the master.
    v5 = {'current_position': numpy.array(0), 'epoch': numpy.array(0),
          'is_new_epoch': numpy.array(False),
          'order': numpy.arange(7)}
    if comm.rank == 0:
        v5 = target
    it.serialize(chainer.serializers.NpzDeserializer(v5))
    assert (it.epoch, it.current_position) == (1, 5)
