import copy
import threading

import numpy
import pytest

from chainer import iterators
from chainer import serializers
from chainer.datasets import TransformDataset


@pytest.mark.parametrize('repeat', [True, False])
def test_same_batches_as_serial(repeat, seeded_sampler,
                                assert_follows_serial):
    data = list(range(7))
    serial = iterators.SerialIterator(data, 3, repeat=repeat,
                                      order_sampler=seeded_sampler(0))
    with iterators.MultithreadIterator(data, 3, repeat=repeat,
                                       order_sampler=seeded_sampler(0),
                                       n_threads=2) as it:
        assert_follows_serial(it, serial, 6 if repeat else 3, repeat)


def test_examples_are_read_in_worker_threads():
    main = threading.get_ident()
    data = TransformDataset([0, 1, 2], lambda _: threading.get_ident())
    it = iterators.MultithreadIterator(data, 3, n_threads=2)
    try:
        assert main not in it.next()
    finally:
        it.finalize()


def test_serialize_and_copy(tmp_path):
    it = iterators.MultithreadIterator(list(range(6)), 4, shuffle=False)
    it.next()
    path = str(tmp_path / 'it.npz')
    serializers.save_npz(path, it)
    other = iterators.MultithreadIterator(list(range(6)), 4, shuffle=False)
    serializers.load_npz(path, other)
    assert other.next() == [4, 5, 0, 1]
    clone = copy.copy(other)
    assert clone.next() == other.next() == [2, 3, 4, 5]
    for i in (it, other, clone):
        i.finalize()


def test_invalid_n_threads():
    with pytest.raises(ValueError):
        iterators.MultithreadIterator([1], 1, n_threads=0)


def test_v5_snapshot_layout(tmp_path):
    # v5's MultithreadIterator writes its order as ``_order`` (None when
    # there is none) and None for a previous epoch detail not known yet.
    it = iterators.MultithreadIterator(list(range(6)), 4, shuffle=False)
    path = str(tmp_path / 'it.npz')
    serializers.save_npz(path, it)
    with numpy.load(path, allow_pickle=True) as f:
        assert set(f.keys()) == {'current_position', 'epoch', 'is_new_epoch',
                                 '_order', 'previous_epoch_detail'}
        assert f['_order'].item() is None
        assert f['previous_epoch_detail'].item() is None
    it.finalize()


def test_loads_v5_snapshot():
    # Entries of a v5 MultithreadIterator(shuffle=True) one batch into
    # its first epoch.
    it = iterators.MultithreadIterator(list(range(6)), 4, shuffle=True)
    serializers.NpzDeserializer({
        'current_position': numpy.array(4), 'epoch': numpy.array(0),
        'is_new_epoch': numpy.array(False),
        '_order': numpy.array([5, 3, 1, 0, 2, 4]),
        'previous_epoch_detail': numpy.array(0.0)}).load(it)
    try:
        assert it.previous_epoch_detail == 0.0
        assert it.next()[:2] == [2, 4]
        assert it.epoch == 1
    finally:
        it.finalize()


class _Recorder(iterators.OrderSampler):
    # Records the current_position each call gets; returns a fixed order.
    def __init__(self):
        self.positions = []

    def __call__(self, current_order, current_position):
        self.positions.append(current_position)
        return numpy.arange(len(current_order))[::-1]


def test_order_sampler_gets_zero_as_v5():
    rec = _Recorder()
    it = iterators.MultithreadIterator(list(range(5)), 2,
                                       order_sampler=rec)
    for _ in range(4):
        it.next()
    it.finalize()
    # Construction, then the wraps of batches 3 and 5 (5 is prefetched).
    assert rec.positions == [0, 0, 0]


def test_shuffle_draws_one_batch_ahead_as_v5():
    # v5 prepares the next batch (drawing the next permutation when it
    # crosses an epoch) before next() returns, so the draw precedes the
    # caller's draws made between the two batches.
    n, b = 5, 2
    numpy.random.seed(6)
    it = iterators.MultithreadIterator(list(range(n)), b)
    got = []
    for _ in range(6):
        got.append((it.next(), numpy.random.uniform()))
    it.finalize()

    numpy.random.seed(6)
    state = {'order': numpy.random.permutation(n).tolist(), 'pos': 0}

    def prepare():
        order, pos = state['order'], state['pos']
        batch = order[pos:pos + b]
        pos += b
        if pos >= n:
            order = numpy.random.permutation(n).tolist()
            pos -= n
            batch += order[:pos]
        state['order'], state['pos'] = order, pos
        return batch

    expected = []
    ready = prepare()
    for _ in range(6):
        batch, ready = ready, prepare()
        expected.append((batch, numpy.random.uniform()))
    assert got == expected
