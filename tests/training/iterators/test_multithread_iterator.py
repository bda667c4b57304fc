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
