import copy
import threading

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
