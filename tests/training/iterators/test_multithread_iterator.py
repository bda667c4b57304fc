import copy
import threading

import numpy
import pytest

from chainer import iterators
from chainer import serializers
from chainer.datasets import TransformDataset


def _sampler(seed):
    return iterators.ShuffleOrderSampler(numpy.random.RandomState(seed))


@pytest.mark.parametrize('repeat', [True, False])
def test_same_batches_as_serial(repeat):
    data = list(range(7))
    serial = iterators.SerialIterator(data, 3, repeat=repeat,
                                      order_sampler=_sampler(0))
    with iterators.MultithreadIterator(data, 3, repeat=repeat,
                                       order_sampler=_sampler(0),
                                       n_threads=2) as it:
        for _ in range(6 if repeat else 3):
            assert it.next() == serial.next()
            assert it.epoch == serial.epoch
            assert it.is_new_epoch == serial.is_new_epoch
            assert it.epoch_detail == serial.epoch_detail
            assert it.previous_epoch_detail == serial.previous_epoch_detail
        if not repeat:
            with pytest.raises(StopIteration):
                it.next()


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
